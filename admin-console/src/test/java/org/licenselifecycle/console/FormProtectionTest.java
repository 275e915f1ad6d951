package org.licenselifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged forms: a POST without the form token, with a wrong one, or sent by a page of another origin of the
 * same site (the http://localhost:9999 page auto-submitting "Unassign") is refused with a 403 page and
 * reaches no service; the console's own form, with its token, still unassigns.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class FormProtectionTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String CONFIRMED = "/licenses/" + FakeServices.BUSINESS_PREMIUM + "/unassign/confirmed";

    private SignedIn lee;

    @BeforeEach
    void signIn() {
        lee = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR");
        FakeServices.received.clear();
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndChangesNothing() {
        lee.request().contentType(SignedIn.FORM).formParam("userId", FakeServices.ADELE).post(CONFIRMED)
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("This form could not be verified")).body(containsString("Nothing was changed"));
        assertNothingSent();
    }

    @Test
    void aPostWithAWrongFormTokenIsRefusedAndChangesNothing() {
        String wrong = SignedIn.as(FakeServices.DIEGO, "GLOBAL_READER").formToken();
        assertThat(wrong).isNotEqualTo(lee.formToken());
        FakeServices.received.clear();
        lee.request().contentType(SignedIn.FORM).formParam("csrf-token", wrong).formParam("userId", FakeServices.ADELE)
                .post(CONFIRMED)
                .then().statusCode(403).body(containsString("This form could not be verified"));
        assertNothingSent();
    }

    @Test
    void aPostWithoutTheFormTokensCookieIsRefusedAndChangesNothing() {
        RestAssured.given().redirects().follow(false).cookie("console_session", lee.session())
                .contentType(SignedIn.FORM).formParam("csrf-token", lee.formToken()).formParam("userId", FakeServices.ADELE)
                .post(CONFIRMED)
                .then().statusCode(403).body(containsString("This form could not be verified"));
        assertNothingSent();
    }

    @Test
    void aFormSentByAPageOfAnotherOriginOfTheSameSiteIsRefusedEvenWithTheTokenAndChangesNothing() {
        // a page of the same site can set the token's cookie (cookies ignore ports): where it came from decides
        lee.form().header("Sec-Fetch-Site", "same-site").header("Origin", "http://localhost:9999")
                .formParam("userId", FakeServices.ADELE).post(CONFIRMED)
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("sent by a page of another site")).body(containsString("nothing was changed"));
        lee.form().header("Sec-Fetch-Site", "cross-site").formParam("userId", FakeServices.ADELE).post(CONFIRMED)
                .then().statusCode(403);
        // a browser without Sec-Fetch-Site: its Origin is not the console's host
        lee.form().header("Origin", "http://localhost:9999").formParam("userId", FakeServices.ADELE).post(CONFIRMED)
                .then().statusCode(403).body(containsString("sent by a page of another site"));
        assertNothingSent();
    }

    @Test
    void theConsolesOwnFormWithItsTokenStillUnassigns() {
        String page = lee.request().get("/licenses/" + FakeServices.BUSINESS_PREMIUM).then().statusCode(200).extract().asString();
        assertThat(SignedIn.formTokenOf(page)).isEqualTo(lee.formToken());
        lee.form().header("Sec-Fetch-Site", "same-origin").formParam("userId", FakeServices.ADELE).post(CONFIRMED)
                .then().statusCode(303).header("Location", containsString("/operations/"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(FakeServices.received)
                .contains("POST /api/v1/licenses/" + FakeServices.BUSINESS_PREMIUM + "/unassign"));
    }

    @Test
    void aBrowserThatSendsOnlyOriginIsServedWhenItIsTheConsolesOwn() {
        lee.form().header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .formParam("userId", FakeServices.ADELE).post(CONFIRMED)
                .then().statusCode(303);
    }

    @Test
    void everyPostFormOfEveryTemplateCarriesTheFormToken() throws IOException {
        Pattern form = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        int forms = 0;
        for (Path template : templates()) {
            Matcher m = form.matcher(Files.readString(template));
            while (m.find()) {
                forms++;
                assertThat(m.group(1)).as(template + ": " + m.group()).contains("{#include form-token /}");
            }
        }
        assertThat(forms).as("the console's POST forms").isGreaterThanOrEqualTo(8);
        assertThat(Files.readString(TEMPLATES.resolve("form-token.html"))).contains("name=\"{inject:csrf.parameterName}\"")
                .contains("value=\"{inject:csrf.token}\"");
    }

    private static void assertNothingSent() {
        assertThat(FakeServices.received).as("no service was asked anything").isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).toList();
        }
    }
}
