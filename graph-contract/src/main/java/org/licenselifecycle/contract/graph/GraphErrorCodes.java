package org.licenselifecycle.contract.graph;

/** Microsoft Graph error codes used by the services. */
public final class GraphErrorCodes {
    public static final String BAD_REQUEST = "Request_BadRequest";
    /** A query option or clause Graph understands but does not run here (or not without advanced query parameters). */
    public static final String UNSUPPORTED_QUERY = "Request_UnsupportedQuery";
    public static final String RESOURCE_NOT_FOUND = "Request_ResourceNotFound";
    public static final String AUTHORIZATION_REQUEST_DENIED = "Authorization_RequestDenied";
    public static final String INVALID_AUTHENTICATION_TOKEN = "InvalidAuthenticationToken";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String METHOD_NOT_ALLOWED = "Request_MethodNotAllowed";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    /** 413: the request body is over the cap (quarkus.http.limits.max-body-size). */
    public static final String REQUEST_ENTITY_TOO_LARGE = "Request_EntityTooLarge";
    public static final String GENERAL_EXCEPTION = "generalException";
    public static final String SERVICE_UNAVAILABLE = "serviceNotAvailable";

    private GraphErrorCodes() {
    }
}
