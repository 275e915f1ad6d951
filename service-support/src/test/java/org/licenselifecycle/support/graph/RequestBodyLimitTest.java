package org.licenselifecycle.support.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * A request body over the cap (quarkus.http.limits.max-body-size, 4 MB in every service) is a 413, never a 5xx or a
 * dropped connection: in Graph's envelope when its length is announced, and without an error logged as our defect
 * when a chunked body grows past it. A body under the cap is read as usual. Sent to {@link AssignLicenseProbe}, an
 * endpoint of this test application that reads an assignLicense body as licensing's does.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class RequestBodyLimitTest {

    private static final int CAP = 4 * 1024 * 1024;

    @TestHTTPResource("/test/users/00000000-0000-4000-8000-000000000001/assignLicense")
    URI assignLicense;

    // HTTP/1.1 as Graph's SDKs and curl speak it to an http:// URL (the JDK's default would try an h2c upgrade)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aBodyOverTheCapWithItsLengthAnnouncedIsA413InGraphsEnvelope() throws Exception {
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(json(CAP + 1)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonPath error = JsonPath.from(response.body());
        assertThat(error.getString("error.code")).isEqualTo("Request_EntityTooLarge");
        assertThat(error.getString("error.message")).contains(Integer.toString(CAP));
        assertThat(error.getString("error.innerError.request-id")).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(error.getString("error.innerError.client-request-id")).isEqualTo("the-callers-id");
    }

    @Test
    void aChunkedBodyOverTheCapIsA413AndNotLoggedAsADefect() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger mapperLog = Logger.getLogger(GraphErrorMapper.class.getName());
        mapperLog.addHandler(handler);
        try {
            // no Content-Length: the JDK client sends a body of unknown length chunked
            HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json(CAP + 1))));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Length")).as("answered before the body was read").isPresent();
            assertThat(errors).as("errors logged by GraphErrorMapper").isEmpty();
        } finally {
            mapperLog.removeHandler(handler);
        }
    }

    @Test
    void aBodyUnderTheCapIsReadAndJudgedOnItsContent() throws Exception {
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(json(CAP / 2)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonPath.from(response.body()).getString("error.code")).isEqualTo("Request_BadRequest");
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        String token = DevTokens.token(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR);
        return http.send(HttpRequest.newBuilder(assignLicense)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("client-request-id", "the-callers-id")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An assignLicense body of {@code size} bytes, mostly spaces: both lists empty, which Graph refuses with 400. */
    private static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] json = "{\"addLicenses\":[],\"removeLicenses\":[]}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, 0, json.length);
        return body;
    }
}
