package org.licenselifecycle.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The console's pages rendered against a stand-in for the services ({@link FakeServices}): sign-in, what
 * a role is offered, and every kind of failure said in plain words.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ConsolePagesTest {

    @Test
    void anyoneNotSignedInIsSentToTheSignInPage() {
        given().redirects().follow(false).get("/licenses")
                .then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void theSignInPageListsTheTenantsAdminsAndSigningInKeepsTheTokenOnTheServerBehindAnHttpOnlyCookie() {
        Response page = given().get("/sign-in?tenant=" + FakeServices.TENANT);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Sign in as Lee Gu, License Administrator")
                .contains("Sign in as Diego Siciliani, Global Reader");
        String token = SignedIn.formTokenOf(page.asString());
        Response signIn = given().redirects().follow(false).contentType(SignedIn.FORM).cookie("csrf-token", token)
                .formParam("csrf-token", token).formParam("tenant", FakeServices.TENANT)
                .formParam("userId", FakeServices.LEE).formParam("role", "LICENSE_ADMINISTRATOR")
                .post("/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.header("Location")).endsWith("/licenses");
        String setCookie = signIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("console_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict")
                .as("plain http on a developer's machine (test profile): not Secure").doesNotContain("Secure");
        String session = signIn.cookie("console_session");
        assertThat(session).as("a session id, not the token").doesNotContain(".").hasSizeGreaterThanOrEqualTo(43);

        given().cookie("console_session", session).get("/licenses")
                .then().statusCode(200).body(containsString("Signed in as <strong id=\"signed-in-name\">Lee Gu</strong>"));
    }

    @Test
    void aSessionCookieCopiedBeforeSignOutIsRefusedAfterIt() {
        String copied = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").session();
        given().redirects().follow(false).cookie("console_session", copied).get("/licenses").then().statusCode(200);

        Response signOut = given().redirects().follow(false).cookie("console_session", copied).get("/sign-out");
        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.headers().getValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("console_session=;").contains("Max-Age=0"));

        given().redirects().follow(false).cookie("console_session", copied).get("/licenses")
                .then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void aMadeUpSessionCookieIsNotASignIn() {
        given().redirects().follow(false).cookie("console_session", "bm90LWEtc2Vzc2lvbi1pZC1pc3N1ZWQtYnktdGhpcy1jb25zb2xl")
                .get("/licenses").then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void theDemoSignInSignsInOnlyToTheConfiguredTenantWhateverTheRequestNames() {
        String otherTenant = "99999999-8888-4777-8666-555555555555";
        Response page = given().get("/sign-in?tenant=" + otherTenant);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Admins of " + FakeServices.TENANT).doesNotContain(otherTenant);
        String token = SignedIn.formTokenOf(page.asString());
        String session = given().redirects().follow(false).contentType(SignedIn.FORM).cookie("csrf-token", token)
                .formParam("csrf-token", token).formParam("tenant", otherTenant)
                .formParam("userId", FakeServices.LEE).formParam("role", "LICENSE_ADMINISTRATOR")
                .post("/sign-in")
                .then().statusCode(303).extract().cookie("console_session");
        FakeServices.bearers.clear();
        given().cookie("console_session", session).get("/licenses").then().statusCode(200);
        assertThat(FakeServices.bearers).isNotEmpty().allSatisfy(bearer -> assertThat(payloadOf(bearer))
                .contains("\"tid\":\"" + FakeServices.TENANT + "\"")
                .contains("\"oid\":\"" + FakeServices.LEE + "\"")
                .contains("4d6ac14f-3453-41d0-bef9-a3e0c569773a")
                .contains("\"iss\":\"https://login.license-lifecycle.dev/\"")
                .contains("\"aud\":\"api://license-lifecycle-dev\"")
                .doesNotContain(otherTenant));
    }

    private static String payloadOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void signingInAsARoleTheAdminDoesNotHoldIsRefusedInPlainWords() {
        String token = SignedIn.formTokenOf(given().get("/sign-in?tenant=" + FakeServices.TENANT).asString());
        given().redirects().follow(false).contentType(SignedIn.FORM).cookie("csrf-token", token)
                .formParam("csrf-token", token)
                .formParam("tenant", FakeServices.TENANT).formParam("userId", FakeServices.DIEGO)
                .formParam("role", "GLOBAL_ADMINISTRATOR")
                .post("/sign-in")
                .then().statusCode(400).body(containsString("does not hold that role"))
                .header("Set-Cookie", not(containsString("console_session")));
    }

    @Test
    void theLicensesPageShowsEachProductsTotalAssignedAndAvailable() {
        String page = given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR"))
                .get("/licenses").then().statusCode(200).extract().asString();
        assertThat(page).contains("Microsoft 365 Business Premium").contains("<td class=\"total\">13</td>")
                .contains("<td class=\"assigned\">4</td>").contains("<td class=\"available\">9</td>");
    }

    @Test
    void anAdminWhoUnassignsGetsCheckBoxesAndAGlobalReaderDoesNot() {
        String path = "/licenses/" + FakeServices.BUSINESS_PREMIUM;
        given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR")).get(path)
                .then().statusCode(200)
                .body(containsString("aria-label=\"Select Adele Vance\"")).body(containsString("Unassign licenses"));
        given().cookie("console_session", signIn(FakeServices.DIEGO, "GLOBAL_READER")).get(path)
                .then().statusCode(200)
                .body(containsString("Adele Vance"))
                .body(not(containsString("name=\"userId\""))).body(not(containsString("Unassign licenses")));
    }

    @Test
    void aHolderWhoInheritsTheProductShowsTheGroupByNameWithALinkAndADirectOneSaysDirect() {
        String page = given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR"))
                .get("/licenses/" + FakeServices.BUSINESS_PREMIUM).then().statusCode(200).extract().asString();

        assertThat(page).contains("<td>Inherited from <a href=\"/groups/" + FakeServices.SALES + "\">Sales</a></td>")
                .contains("<td>Direct</td>").doesNotContain("Inherited from a group");
    }

    @Test
    void aServiceRefusalIsShownWithItsMessageAndWithoutJson() {
        given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR"))
                .get("/licenses/" + FakeServices.REFUSED)
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Insufficient privileges to complete the operation."))
                .body(not(containsString("Authorization_RequestDenied"))).body(not(containsString("request-id")))
                .body(not(containsString("{")));
    }

    @Test
    void aServiceFailureWithoutAnEnvelopeIsSaidInPlainWordsWithoutItsStackTrace() {
        given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR")).get("/products")
                .then().statusCode(502)
                .body(containsString("The licensing service had a problem"))
                .body(not(containsString("NullPointerException"))).body(not(containsString("Something.java")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsSaidInPlainWords() {
        given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR"))
                .get("/users/" + FakeServices.ADELE + "/timeline")
                .then().statusCode(503).body(containsString("did not answer"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aFormOverTheBodyCapIsRefusedWith413BeforeAnyServiceIsAsked() {
        FakeServices.received.clear();
        SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").form()
                .formParam("userId", "a".repeat(256 * 1024 + 1))
                .post("/licenses/" + FakeServices.BUSINESS_PREMIUM + "/unassign")
                .then().statusCode(413);
        assertThat(FakeServices.received).noneMatch(call -> call.contains("/unassign"));
    }

    @Test
    void moreThanTwentyUsersAreRefusedByTheConsoleBeforeAnyServiceIsAsked() {
        FakeServices.received.clear();
        var request = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").form();
        IntStream.rangeClosed(1, 21).forEach(i ->
                request.formParam("userId", String.format("aaaaaaaa-0000-4000-8000-%012d", 100 + i)));
        request.post("/licenses/" + FakeServices.BUSINESS_PREMIUM + "/unassign")
                .then().statusCode(200)
                .body(containsString("You can unassign licenses for up to 20 users at a time. 21 were selected"));
        assertThat(FakeServices.received).noneMatch(call -> call.contains("/unassign"))
                .noneMatch(call -> call.contains("licenseDetails"));
    }

    @Test
    void assigningToMoreThanTwentyUsersIsRefusedByTheConsoleBeforeLicensingIsAsked() {
        FakeServices.received.clear();
        var request = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").form();
        IntStream.rangeClosed(1, 21).forEach(i ->
                request.formParam("userId", String.format("aaaaaaaa-0000-4000-8000-%012d", 100 + i)));
        request.post("/licenses/" + FakeServices.BUSINESS_PREMIUM + "/assign")
                .then().statusCode(400)
                .body(containsString("You can assign licenses for up to 20 users at a time. 21 were selected"));
        assertThat(FakeServices.received).noneMatch(call -> call.contains("/assign"));
    }

    @Test
    void aProductFilterThatIsNoProductOfTheTenantIsRefusedWith400AndDirectoryIsNotAsked() {
        FakeServices.received.clear();
        given().cookie("console_session", signIn(FakeServices.DIEGO, "GLOBAL_READER"))
                .get("/users?product=x) or startswith(displayName,'a'")
                .then().statusCode(400).body(containsString("Choose a product from the list to filter by."));
        assertThat(FakeServices.received).contains("GET /api/v1/licenses").doesNotContain("GET /v1.0/users");
    }

    @Test
    void anUnknownPageIsAPlainNotFound() {
        given().cookie("console_session", signIn(FakeServices.LEE, "LICENSE_ADMINISTRATOR")).get("/no-such-page")
                .then().statusCode(404).body(containsString("There is no such page"));
    }

    private static String signIn(String userId, String role) {
        return SignedIn.as(userId, role).session();
    }
}
