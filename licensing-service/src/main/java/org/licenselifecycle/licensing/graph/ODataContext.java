package org.licenselifecycle.licensing.graph;

import jakarta.ws.rs.core.UriInfo;

/** Graph's absolute {@code @odata.context} URLs, built from the base URL the client called. */
final class ODataContext {

    private ODataContext() {
    }

    /** E.g. {@code http://host:8082/v1.0/$metadata#users/$entity} for {@code fragment = "users/$entity"}. */
    static String of(UriInfo uri, String fragment) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "v1.0/$metadata#" + fragment;
    }
}
