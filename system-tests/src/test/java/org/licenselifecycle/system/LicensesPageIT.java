package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Licenses page's bulk changes and the unused-licenses report in Debian's Chromium, on the running services:
 * unassign and assign are each one all-or-nothing call to licensing with a result per user, assign never sells more
 * licenses than are available, and the report reclaims the licenses of users blocked from signing in through the
 * same "Unassign licenses" box. Screenshots of each step: target/screenshots/.
 */
class LicensesPageIT {

    private static final String BUSINESS_PREMIUM_NAME = "Microsoft 365 Business Premium";
    private static final String OFFICE_365_E3_NAME = "Office 365 E3";

    private static RunningSystem system;
    private static AdminClient fabrikam;
    private static final Map<String, String> ids = new HashMap<>();
    private Browser browser;

    @BeforeAll
    static void fabrikamWithItsAdminsAndUsers() {
        system = RunningSystem.get();
        fabrikam = new AdminClient(system);
        fabrikam.buy(AdminClient.BUSINESS_PREMIUM, 10);
        fabrikam.buy(AdminClient.OFFICE_365_E3, 2);
        admin("lee.gu", "Lee Gu", DirectoryRole.LICENSE_ADMINISTRATOR);
        admin("diego.siciliani", "Diego Siciliani", DirectoryRole.GLOBAL_READER);
        for (String name : List.of("Amber Rodriguez", "Ben Walters", "Cecil Folk", "Debra Berger", "Emily Braun",
                "Gary Ruiz")) {
            licensed(name, AdminClient.BUSINESS_PREMIUM);
        }
        licensed("Hana Ito", AdminClient.OFFICE_365_E3);
        ids.put("Fiona Hale", fabrikam.createUser("fiona.hale", "Fiona Hale"));
        ids.put("Finn Irwin", fabrikam.createUser("finn.irwin", "Finn Irwin"));
    }

    private static void admin(String alias, String name, DirectoryRole role) {
        String id = fabrikam.createUser(alias, name);
        fabrikam.assignRole(id, role);
        ids.put(name, id);
    }

    private static void licensed(String name, String skuId) {
        String id = fabrikam.createUser(name.toLowerCase().replace(' ', '.'), name);
        fabrikam.assign(id, skuId);
        ids.put(name, id);
    }

    private void open(TestInfo test) {
        browser = Browser.forTest(system, fabrikam, test);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void unassignIsOneCallAndEverySelectedUserShowsUnassigned(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        int assignedBefore = (Integer) fabrikam.product(AdminClient.BUSINESS_PREMIUM).get("assigned");
        browser.submit(BUSINESS_PREMIUM_NAME);
        for (String name : List.of("Amber Rodriguez", "Ben Walters", "Cecil Folk")) {
            tick(name);
        }
        browser.submit("Unassign licenses");
        browser.shot("unassign-licenses-box");
        assertThat(browser.text("#box-question")).isEqualTo("Unassign " + BUSINESS_PREMIUM_NAME + " from 3 users?");
        assertThat(browser.text("#outcomes")).contains("Amber Rodriguez").contains("Cecil Folk");

        browser.submit("Unassign");
        browser.awaitOperationFinished();
        browser.shot("unassigned");
        assertThat(browser.text("#progress-text")).startsWith("3 of 3 users done");
        for (String name : List.of("Amber Rodriguez", "Ben Walters", "Cecil Folk")) {
            assertThat(result(name)).isEqualTo(BUSINESS_PREMIUM_NAME + " unassigned.");
            assertThat(fabrikam.licensesOf(ids.get(name))).doesNotContain(AdminClient.BUSINESS_PREMIUM);
        }
        assertThat(fabrikam.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(assignedBefore - 3);
    }

    @Test
    void aUserDeletedAfterTheBoxOpenedRefusesTheWholeUnassignAndEachRowSaysWhy(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.submit(BUSINESS_PREMIUM_NAME);
        tick("Debra Berger");
        tick("Emily Braun");
        browser.submit("Unassign licenses");
        browser.shot("unassign-licenses-box");

        // meanwhile another admin deletes Emily: licensing frees her license when it hears of it
        String emily = ids.get("Emily Braun");
        given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin)
                .delete("/v1.0/users/{id}", emily).then().statusCode(204);
        await("licensing hears that Emily was deleted").atMost(AdminClient.EVENTUALLY).until(() ->
                !holders(AdminClient.BUSINESS_PREMIUM).contains(emily));

        browser.submit("Unassign");
        browser.awaitOperationFinished();
        browser.shot("refused");
        assertThat(browser.text("#progress-text")).startsWith("2 of 2 users done, 2 could not be changed");
        assertThat(result("Emily Braun")).isEqualTo("Not changed: User " + emily + " does not exist in this tenant.");
        assertThat(result("Debra Berger")).isEqualTo("Not changed: The change is all or nothing, and it was refused: User "
                + emily + " does not exist in this tenant.");
        assertThat(fabrikam.licensesOf(ids.get("Debra Berger"))).containsExactly(AdminClient.BUSINESS_PREMIUM);
    }

    @Test
    void assignFindsUsersWithoutTheProductByNameAndAssignsThemAllOrNobodyWhenLicensesAreShort(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.submit(OFFICE_365_E3_NAME);
        browser.submit("Assign licenses");
        browser.shot("assign-e3");
        assertThat(browser.text("#available-seats")).isEqualTo("1 of 2 licenses available.");
        searchFor("Fi");
        browser.shot("searched");
        // sorted by display name
        assertThat(candidates()).containsExactly("Finn Irwin", "Fiona Hale");
        tick("Fiona Hale");
        tick("Finn Irwin");
        browser.submit("Assign");
        browser.awaitOperationFinished();
        browser.shot("seats-short");
        String why = "The change is all or nothing, and it was refused: Only 1 " + OFFICE_365_E3_NAME
                + " licenses are available and 2 users were selected: buy more licenses or select fewer users.";
        assertThat(result("Fiona Hale")).isEqualTo("Not changed: " + why);
        assertThat(result("Finn Irwin")).isEqualTo("Not changed: " + why);
        assertThat(fabrikam.licensesOf(ids.get("Fiona Hale"))).isEmpty();
        assertThat(fabrikam.licensesOf(ids.get("Finn Irwin"))).isEmpty();
        assertThat(fabrikam.product(AdminClient.OFFICE_365_E3).get("assigned")).isEqualTo(1);

        browser.open("/licenses/" + AdminClient.BUSINESS_PREMIUM + "/assign");
        int available = (Integer) fabrikam.product(AdminClient.BUSINESS_PREMIUM).get("available");
        assertThat(browser.text("#available-seats")).isEqualTo(available + " of 10 licenses available.");
        assertThat(candidates()).doesNotContain("Debra Berger").contains("Fiona Hale", "Finn Irwin");
        searchFor("Fi");
        tick("Fiona Hale");
        tick("Finn Irwin");
        browser.submit("Assign");
        browser.awaitOperationFinished();
        browser.shot("assigned");
        assertThat(browser.text("#progress-text")).startsWith("2 of 2 users done");
        for (String name : List.of("Fiona Hale", "Finn Irwin")) {
            assertThat(result(name)).isEqualTo(BUSINESS_PREMIUM_NAME + " assigned.");
            assertThat(fabrikam.licensesOf(ids.get(name))).containsExactly(AdminClient.BUSINESS_PREMIUM);
        }
        assertThat(fabrikam.product(AdminClient.BUSINESS_PREMIUM).get("available")).isEqualTo(available - 2);
        browser.submit("Done");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/licenses/" + AdminClient.BUSINESS_PREMIUM);
    }

    @Test
    void aGlobalReaderSeesNoAssignOrReclaimAction(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Diego Siciliani, Global Reader");
        browser.submit(BUSINESS_PREMIUM_NAME);
        assertThat(browser.all("#assign-licenses")).isEmpty();
        browser.open("/reports/unused-licenses");
        assertThat(browser.all("button[id^='reclaim-']")).isEmpty();
    }

    @Test
    void theUnusedLicensesReportShowsCostAndReclaimsABlockedUsersLicenseAfterTheBox(TestInfo test) {
        String gary = ids.get("Gary Ruiz");
        given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("accountEnabled", false)).patch("/v1.0/users/{id}", gary).then().statusCode(204);
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.submit("Unused licenses");
        browser.shot("report");
        Map<String, Object> e3 = fabrikam.product(AdminClient.OFFICE_365_E3);
        WebElement row = browser.find("#unused tr[data-sku='" + AdminClient.OFFICE_365_E3 + "']");
        assertThat(row.findElement(By.cssSelector(".unused")).getText()).isEqualTo(e3.get("available").toString());
        assertThat(row.findElement(By.cssSelector(".price")).getText()).isEqualTo("23.00 USD");
        assertThat(row.findElement(By.cssSelector(".cost")).getText())
                .isEqualTo(new java.math.BigDecimal("23.00").multiply(new java.math.BigDecimal(e3.get("available")
                        .toString())).toPlainString() + " USD");
        WebElement premium = browser.find("#unused tr[data-sku='" + AdminClient.BUSINESS_PREMIUM + "']");
        assertThat(premium.findElement(By.cssSelector(".blocked")).getText()).isEqualTo("1");
        assertThat(browser.text("#reclaim-" + AdminClient.BUSINESS_PREMIUM)).contains("Gary Ruiz");

        browser.find("input[aria-label='Select Gary Ruiz for " + BUSINESS_PREMIUM_NAME + "']").click();
        browser.submit("Reclaim licenses");
        browser.shot("unassign-licenses-box");
        assertThat(browser.text("#box-title")).isEqualTo("Unassign licenses");
        assertThat(browser.text("#outcomes")).contains("Gary Ruiz");
        browser.submit("Unassign");
        browser.awaitOperationFinished();
        browser.shot("reclaimed");
        assertThat(result("Gary Ruiz")).isEqualTo(BUSINESS_PREMIUM_NAME + " unassigned.");
        assertThat(fabrikam.licensesOf(gary)).isEmpty();
    }

    private void tick(String name) {
        browser.find("input[aria-label='Select " + name + "']").click();
    }

    private void searchFor(String text) {
        WebElement box = browser.find("#search");
        box.clear();
        box.sendKeys(text);
        browser.submit("Search");
    }

    private List<String> candidates() {
        return browser.all("#candidates tbody tr[data-user] td:nth-child(2)").stream().map(WebElement::getText).toList();
    }

    private String result(String name) {
        return browser.find("#results tr[data-user='" + ids.get(name) + "'] .result").getText();
    }

    private List<String> holders(String skuId) {
        return given().baseUri(system.licensing.baseUrl()).auth().oauth2(fabrikam.licenseAdmin)
                .get("/api/v1/licenses/{skuId}/users", skuId).then().statusCode(200).extract().path("value.userId");
    }
}
