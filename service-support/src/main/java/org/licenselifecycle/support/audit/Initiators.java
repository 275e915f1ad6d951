package org.licenselifecycle.support.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.events.DirectoryAuditRecorded.AppIdentity;
import org.licenselifecycle.events.DirectoryAuditRecorded.Initiator;
import org.licenselifecycle.events.DirectoryAuditRecorded.UserIdentity;
import org.licenselifecycle.support.graph.RequestIds;
import org.licenselifecycle.support.security.Grant;

/**
 * Who started the change being made: read from the verified token of the request being served, as Entra ID
 * records it. A delegated token gives the signed-in user ({@code oid}; {@code name}; {@code upn}, or
 * {@code preferred_username}; {@code ipaddr}, or the address the request came from), an app-only token the
 * application ({@code azp}/{@code appid}, {@code app_displayname}, its service principal's {@code oid}). Outside a
 * request (a Kafka event, a scheduled job) it is the system: this service as an application.
 *
 * <p>The correlation id is the request's {@code client-request-id} when that is a GUID (Graph's SDKs send one), so
 * that a client can find the entries of its own call; otherwise one GUID per request.
 */
@ApplicationScoped
public class Initiators {

    private static final String CORRELATION = Initiators.class.getName() + ".correlation";

    private final Instance<SecurityIdentity> identity;
    private final Instance<CurrentVertxRequest> request;
    private final String serviceName;

    Initiators(Instance<SecurityIdentity> identity, Instance<CurrentVertxRequest> request,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.identity = identity;
        this.request = request;
        this.serviceName = serviceName;
    }

    /** The caller of the request being served; the system when there is none, or no signed-in caller. */
    public Initiated current() {
        if (!Arc.container().requestContext().isActive()) {
            return system(UUID.randomUUID());
        }
        SecurityIdentity caller = identity.get();
        Optional<RoutingContext> http = Optional.ofNullable(request.get().getCurrent());
        UUID correlationId = http.map(Initiators::correlationOf).orElseGet(UUID::randomUUID);
        if (caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            return system(correlationId);
        }
        Grant grant = Grant.of(caller);
        UUID objectId = ObjectIds.of(text(token, "oid")).orElse(null);
        if (grant.appOnly()) {
            String appId = grant.applicationId().orElse(null);
            String name = Optional.ofNullable(text(token, "app_displayname")).or(() -> Optional.ofNullable(appId))
                    .orElse("application");
            return new Initiated(new Initiator(null, new AppIdentity(appId, name,
                    objectId == null ? null : objectId.toString())), correlationId);
        }
        if (objectId == null) {
            return system(correlationId);
        }
        String upn = Optional.ofNullable(text(token, "upn")).orElseGet(() -> text(token, "preferred_username"));
        String ipAddress = Optional.ofNullable(text(token, "ipaddr"))
                .orElseGet(() -> http.map(RoutingContext::request).map(r -> r.remoteAddress())
                        .map(SocketAddress::hostAddress).orElse(null));
        return new Initiated(new Initiator(new UserIdentity(objectId, text(token, "name"), upn, ipAddress), null),
                correlationId);
    }

    /**
     * This service acting on its own (after an event, on a schedule), e.g. {@code licensing-service}.
     *
     * @param correlationId what ties the entries together, e.g. the id of the event that led to them
     */
    public Initiated system(UUID correlationId) {
        return new Initiated(new Initiator(null, new AppIdentity(null, serviceName, null)), correlationId);
    }

    private static UUID correlationOf(RoutingContext http) {
        UUID known = http.get(CORRELATION);
        if (known != null) {
            return known;
        }
        UUID id = ObjectIds.of(http.request().getHeader(RequestIds.CLIENT_REQUEST_ID)).orElseGet(UUID::randomUUID);
        http.put(CORRELATION, id);
        return id;
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value == null ? null : value.toString().replace("\"", "");
    }
}
