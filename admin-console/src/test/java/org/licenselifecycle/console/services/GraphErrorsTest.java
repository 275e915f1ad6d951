package org.licenselifecycle.console.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licenselifecycle.contract.graph.GraphError;
import org.licenselifecycle.contract.graph.GraphErrorCodes;

/**
 * What a page shows when a service refuses or fails: the message of the service's Graph envelope, as the services
 * write it (the shared {@link GraphError}), otherwise what the status means, never the body as it came.
 */
class GraphErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "directory | 400 | Request_BadRequest | Another object with the same value for property userPrincipalName already exists.",
            "licensing | 400 | Request_BadRequest | License assignment failed because service plans are mutually exclusive.",
            "licensing | 403 | Authorization_RequestDenied | Insufficient privileges to complete the operation.",
            "lifecycle | 404 | Request_ResourceNotFound | Resource 'x' does not exist or one of its queried reference-property objects are not present.",
            "licensing | 409 | Request_BadRequest | This subscription was bought through self-service purchase; take it over first.",
            "directory | 503 | serviceNotAvailable | The service is temporarily unavailable. Try again later."})
    void aServicesEnvelopeIsShownByItsMessageWithItsCodeAndStatus(String service, int status, String code,
            String message) throws Exception {
        String envelope = JSON.writeValueAsString(GraphError.of(code, message, Instant.parse("2026-12-01T06:00:00Z"),
                "request-1", "client-request-1"));

        ServiceError error = GraphErrors.of(service, status, envelope);

        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.status()).isEqualTo(status);
    }

    @Test
    void graphsOwnFieldsBesideTheCodeAndMessageDoNotHideTheMessage() {
        String envelope = "{\"error\":{\"code\":\"Request_BadRequest\",\"message\":\"Invalid object identifier 'x'.\","
                + "\"details\":[{\"code\":\"x\"}],\"innerError\":{\"date\":\"2026-12-01T06:00:00\",\"request-id\":\"r\","
                + "\"client-request-id\":\"c\",\"unknown\":1}}}";

        assertThat(GraphErrors.of("lifecycle", 400, envelope).getMessage()).isEqualTo("Invalid object identifier 'x'.");
    }

    @Test
    void anEnvelopeWithoutACodeShowsItsMessageWithAnEmptyCode() {
        ServiceError error = GraphErrors.of("licensing", 413, "{\"error\":{\"message\":\"The request is too large.\"}}");

        assertThat(error.getMessage()).isEqualTo("The request is too large.");
        assertThat(error.code()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "{\"error\":{\"code\":\"generalException\",\"message\":\"  \"}}",
            "{\"error\":\"database password wrong at Sql.java:42\"}",
            "{\"message\":\"not an envelope\"}",
            "''"})
    void aBodyThatIsNoEnvelopeWithAMessageIsNeverShownAsItCame(String body) {
        ServiceError error = GraphErrors.of("licensing", 502, body);

        assertThat(error.getMessage()).isEqualTo("The licensing service had a problem (HTTP 502). Try again in a moment.");
        assertThat(error.code()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401 | Your sign-in has expired or is not valid any more. Sign in again.",
            "403 | Your admin role does not allow this.",
            "404 | Not found: it may have been deleted, or it belongs to another organization.",
            "429 | The directory service is busy. Wait a moment and try again.",
            "500 | The directory service had a problem (HTTP 500). Try again in a moment.",
            "503 | The directory service had a problem (HTTP 503). Try again in a moment.",
            "400 | The directory service refused the request (HTTP 400).",
            "415 | The directory service refused the request (HTTP 415)."})
    void withoutAnEnvelopeTheStatusIsSaidInPlainWords(int status, String words) {
        assertThat(GraphErrors.of("directory", status, null).getMessage()).isEqualTo(words);
    }

    @Test
    void eachServicesMapperNamesItsService() {
        assertThat(new DirectoryErrorMapper().toThrowable(Response.status(500).build()).getMessage())
                .startsWith("The directory service had a problem");
        assertThat(new LicensingErrorMapper().toThrowable(Response.status(500).build()).getMessage())
                .startsWith("The licensing service had a problem");
        assertThat(new LifecycleErrorMapper().toThrowable(Response.status(500).build()).getMessage())
                .startsWith("The lifecycle service had a problem");
    }

    @Test
    void aRefusalKeepsItsStatusOnThePageAndAServicesFailureIsTheConsolesBadGateway() {
        assertThat(new ServiceError(400, GraphErrorCodes.BAD_REQUEST, "no").pageStatus()).isEqualTo(400);
        assertThat(new ServiceError(401, GraphErrorCodes.INVALID_AUTHENTICATION_TOKEN, "no").pageStatus()).isEqualTo(401);
        assertThat(new ServiceError(429, GraphErrorCodes.TOO_MANY_REQUESTS, "no").pageStatus()).isEqualTo(429);
        assertThat(new ServiceError(500, GraphErrorCodes.GENERAL_EXCEPTION, "no").pageStatus()).isEqualTo(502);
        assertThat(new ServiceError(503, GraphErrorCodes.SERVICE_UNAVAILABLE, "no").pageStatus()).isEqualTo(502);
    }

    @Test
    void notFoundIsNothingWhereAskedAndEveryOtherRefusalStillFails() {
        assertThat(ServiceError.<String>nullWhenNotFound(() -> {
            throw new ServiceError(404, GraphErrorCodes.RESOURCE_NOT_FOUND, "gone");
        })).isNull();
        assertThat(ServiceError.nullWhenNotFound(() -> "found")).isEqualTo("found");
        assertThatThrownBy(() -> ServiceError.nullWhenNotFound(() -> {
            throw new ServiceError(403, GraphErrorCodes.AUTHORIZATION_REQUEST_DENIED, "no");
        })).isInstanceOf(ServiceError.class).hasMessage("no");
    }
}
