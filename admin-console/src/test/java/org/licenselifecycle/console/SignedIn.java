package org.licenselifecycle.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin signed in through the demo sign-in as a browser does it: the sign-in page first (it sets the form
 * token's cookie and puts the token in each form), then the admin's button. Requests then carry the session
 * cookie, and forms the token.
 */
record SignedIn(String session, String formToken) {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern TOKEN_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static SignedIn as(String userId, String role) {
        Response page = given().get("/sign-in?tenant=" + FakeServices.TENANT);
        String token = formTokenOf(page.asString());
        assertThat(page.cookie("csrf-token")).as("the form token's cookie").isEqualTo(token);
        String session = given().redirects().follow(false).contentType(FORM).cookie("csrf-token", token)
                .formParam("csrf-token", token)
                .formParam("tenant", FakeServices.TENANT).formParam("userId", userId).formParam("role", role)
                .post("/sign-in")
                .then().statusCode(303).extract().cookie("console_session");
        return new SignedIn(session, token);
    }

    /** A request with the session cookie and the form token's cookie, as the browser sends any request. */
    RequestSpecification request() {
        return given().redirects().follow(false).cookie("console_session", session).cookie("csrf-token", formToken);
    }

    /** A form post from one of the console's pages: with the token in its hidden field. */
    RequestSpecification form() {
        return request().contentType(FORM).formParam("csrf-token", formToken);
    }

    static String formTokenOf(String html) {
        Matcher field = TOKEN_FIELD.matcher(html);
        assertThat(field.find()).as("a form with the form token in " + html).isTrue();
        return field.group(1);
    }
}
