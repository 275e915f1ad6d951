package org.licenselifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.operations.OperationRequest;

/**
 * A bulk operation this console does not have, as after a restart or on another replica: its page says so, with
 * what was requested and what each user holds now, never a bare 404; only to the admin who started it.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class LostOperationTest {

    private static final String OTHER_USER = "aaaaaaaa-0000-4000-8000-000000000099";

    /** What a console that restarted since sees: an operation's URL it never started. */
    private static String lostUnassign() {
        return OperationRequest.unassignProduct(FakeServices.LEE, Instant.now().minusSeconds(300), FakeServices.BUSINESS_PREMIUM,
                List.of(FakeServices.ADELE, OTHER_USER)).id();
    }

    @Test
    void anOperationTheConsoleNoLongerHasSaysItWasLostWhatWasRequestedAndWhereEachUserStands() {
        SignedIn lee = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR");
        String page = lee.request().get("/operations/" + lostUnassign())
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("<h1>Unassign Microsoft 365 Business Premium</h1>")
                .contains("This console no longer has this operation's progress")
                .contains("the console\n    has restarted since it started")
                .contains("It may have finished, stopped part way, or not run at all");
        assertThat(page).contains("Adele Vance").contains("adele.vance@contoso.onmicrosoft.com")
                .contains("Still has Microsoft 365 Business Premium.")
                .contains("href=\"/users/" + FakeServices.ADELE + "/timeline\"");
        assertThat(page).as("a user who cannot be read is said so").contains("Could not be read now");
        // the way to finish it: the usual "Unassign licenses" box, for the users who still hold the product
        assertThat(page).contains("action=\"/licenses/" + FakeServices.BUSINESS_PREMIUM + "/unassign\"")
                .contains("<input type=\"hidden\" name=\"userId\" value=\"" + FakeServices.ADELE + "\">")
                .doesNotContain("value=\"" + OTHER_USER + "\">")
                .contains("Unassign Microsoft 365 Business Premium from the 1 user who still has it")
                .contains("name=\"csrf-token\"");
        assertThat(page).contains("href=\"/licenses/" + FakeServices.BUSINESS_PREMIUM + "\"");
    }

    @Test
    void theRunningPagesRefreshGetsTheLostPartAndStopsPolling() {
        SignedIn lee = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR");
        String part = lee.request().get("/operations/" + lostUnassign() + "?part=progress")
                .then().statusCode(200).extract().asString();
        assertThat(part).startsWith("<div id=\"operation\" data-running=\"false\" data-lost=\"true\">")
                .contains("This console no longer has this operation's progress").doesNotContain("<html");
    }

    @Test
    void anotherAdminGetsNoLostOperationButNotFound() {
        SignedIn diego = SignedIn.as(FakeServices.DIEGO, "GLOBAL_READER");
        diego.request().get("/operations/" + lostUnassign())
                .then().statusCode(404).body(containsString("There is no such page")).body(not(containsString("Adele")));
    }

    @Test
    void whatIsNotAnOperationIsAPlainNotFound() {
        SignedIn lee = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR");
        lee.request().get("/operations/not-an-operation").then().statusCode(404).body(containsString("There is no such page"));
    }

    @Test
    void anOperationStartedHereShowsItsProgressAsBefore() {
        SignedIn lee = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR");
        String location = lee.form().formParam("userId", FakeServices.ADELE)
                .post("/licenses/" + FakeServices.BUSINESS_PREMIUM + "/unassign/confirmed")
                .then().statusCode(303).extract().header("Location");
        String id = location.substring(location.indexOf("/operations/") + "/operations/".length());
        assertThat(OperationRequest.of(id)).get().extracting(OperationRequest::userIds).isEqualTo(List.of(FakeServices.ADELE));
        lee.request().get("/operations/" + id).then().statusCode(200)
                .body(containsString("<h1>Unassign Microsoft 365 Business Premium</h1>"))
                .body(containsString("id=\"progress\"")).body(not(containsString("no longer has this operation")));
    }
}
