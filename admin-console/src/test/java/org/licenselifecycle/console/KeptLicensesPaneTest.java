package org.licenselifecycle.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The Active users pane's words for an inherited license in error, from licensing's {@code keptBecause.state} and
 * {@code error}: one the group no longer gives, kept for another license that depends on it, says how it goes (not
 * "through the group", which the user has left); one held while the group's processing failed says so.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class KeptLicensesPaneTest {

    @Test
    void aLicenseKeptForADependentSaysItGoesWithThatLicenseOrByReprocessingNotThroughTheGroup() {
        String page = pane();

        assertThat(page).contains("<span class=\"hint\" id=\"why-" + FakeServices.REFUSED + "\" data-state=\"Error\" "
                + "data-error=\"DependencyViolation\">Kept from <a href=\"/groups/" + FakeServices.SALES + "\" id=\"group-"
                + FakeServices.REFUSED + "\">Sales</a>, which no longer gives it, for another license that depends on it "
                + "(DependencyViolation): it goes when that license is removed, or when the user is reprocessed once "
                + "nothing depends on it</span>");
    }

    @Test
    void aLicenseActiveWithErrorSaysTheGroupsErrorAndHowToFixIt() {
        String page = pane();

        assertThat(page).contains("<span class=\"hint\" id=\"why-" + FakeServices.BUSINESS_PREMIUM + "\" "
                + "data-state=\"ActiveWithError\" data-error=\"CountViolation\">Inherited from <a href=\"/groups/"
                + FakeServices.SALES + "\" id=\"group-" + FakeServices.BUSINESS_PREMIUM + "\">Sales</a>, active with an "
                + "error (CountViolation): remove it through the group, or fix the problem and reprocess the user</span>");
        assertThat(page).doesNotContain("Sales</a>: remove it through the group");
    }

    private static String pane() {
        return given().cookie("console_session", SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").session())
                .get("/users/" + FakeServices.KIM).then().statusCode(200).extract().asString();
    }
}
