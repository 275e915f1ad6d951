package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The console's "Remove a former employee" in Chromium on the running services: the admin center's steps, those
 * directory-service's offboarding carries out, and the data outcome it answers; its refusals in plain words. The
 * tenant is operated by 21Vianet: the console shows that admin center's links, as directory gives them. The Save
 * changes box says, as licensing answers it, that Office apps go "Unlicensed Product" with the license.
 */
class FormerEmployeeIT {

    private static RunningSystem system;
    private static AdminClient fabrikam;
    private static String domain;
    private static final Map<String, String> ids = new HashMap<>();
    private Browser browser;

    @BeforeAll
    static void aTwentyOneVianetTenantWithItsAdminsAndUsers() {
        system = RunningSystem.get();
        fabrikam = new AdminClient(system);
        String domainName = "fabrikam" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Fabrikam", "domainName", domainName, "cloudInstance", "21Vianet"))
                .post("/api/v1/tenants")
                .then().statusCode(201);
        domain = domainName + ".partner.onmschina.cn";
        fabrikam.buy(AdminClient.BUSINESS_PREMIUM, 10);
        fabrikam.buy(AdminClient.APPS_FOR_BUSINESS, 5);
        admin("megan.bowen", "Megan Bowen", DirectoryRole.GLOBAL_ADMINISTRATOR);
        admin("nestor.wilke", "Nestor Wilke", DirectoryRole.USER_ADMINISTRATOR);
        ids.put("Lynne Robbins", createUser("lynne.robbins", "Lynne Robbins"));
        for (String[] user : List.of(new String[] {"adele.vance", "Adele Vance"}, new String[] {"alex.wilber", "Alex Wilber"},
                new String[] {"isaiah.langer", "Isaiah Langer"})) {
            String id = createUser(user[0], user[1]);
            ids.put(user[1], id);
            fabrikam.assign(id, AdminClient.BUSINESS_PREMIUM);
        }
        fabrikam.assign(ids.get("Isaiah Langer"), AdminClient.APPS_FOR_BUSINESS);
        given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("@odata.id", system.directory.baseUrl() + "/v1.0/users/" + ids.get("Lynne Robbins")))
                .put("/v1.0/users/{id}/manager/$ref", ids.get("Adele Vance"))
                .then().statusCode(204);
        await("Adele's mailbox and OneDrive provisioned").atMost(AdminClient.EVENTUALLY).until(() ->
                fabrikam.mailbox(ids.get("Adele Vance")) != null && fabrikam.oneDrive(ids.get("Adele Vance")) != null);
    }

    private static void admin(String alias, String name, DirectoryRole role) {
        String id = createUser(alias, name);
        fabrikam.assignRole(id, role);
        ids.put(name, id);
    }

    /** A user of the tenant's own domain (a registered tenant refuses any other). */
    private static String createUser(String alias, String displayName) {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("accountEnabled", true, "displayName", displayName, "mailNickname", alias,
                        "userPrincipalName", alias + "@" + domain, "usageLocation", "CN",
                        "passwordProfile", Map.of("forceChangePasswordNextSignIn", true, "password", "xWwvJ]6NMw+bWH-d")))
                .post("/v1.0/users")
                .then().statusCode(201)
                .extract().path("id");
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
    void removingAFormerEmployeeBlocksSignInDeletesTheAccountAndShowsTheDataOutcomeDirectoryAnswers(TestInfo test) {
        String adele = ids.get("Adele Vance");
        int assignedBefore = (Integer) fabrikam.product(AdminClient.BUSINESS_PREMIUM).get("assigned");
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/users/" + adele);
        browser.submit("Remove a former employee");
        browser.shot("steps");
        assertThat(browser.all("#steps li")).hasSize(7);
        assertThat(browser.text("#steps")).contains("Prevent the former employee from signing in")
                .contains("Forward their email to another employee or convert the mailbox to a shared mailbox")
                .contains("Give another employee access to their OneDrive and Outlook data")
                .contains("Remove their licenses").contains("Delete their user account");
        assertThat(browser.find("#step-blockSignIn").isSelected()).isTrue();
        assertThat(browser.find("#step-deleteUser").isSelected()).isFalse();
        browser.find("#step-deleteUser").click();
        browser.submit("Remove former employee");
        browser.shot("confirm");
        assertThat(browser.text("#box-question")).isEqualTo("Remove Adele Vance as a former employee: block their "
                + "sign-in, delete their account?");
        assertThat(fabrikam.licensesOf(adele)).as("nothing done before the admin confirms")
                .contains(AdminClient.BUSINESS_PREMIUM);

        browser.submit("Remove former employee");
        browser.shot("removed");
        assertThat(browser.text("h1")).isEqualTo("Former employee removed");
        assertThat(browser.text("#status-message")).contains("sign-in blocked; account deleted, restorable until");
        assertThat(browser.text("#outcome-licenses")).contains("frees every license at once");
        assertThat(browser.text("#outcome-onedrive")).contains("with access for the manager lynne.robbins@" + domain);
        assertThat(browser.text("#outcome-mailbox")).isNotBlank();
        assertThat(browser.all("#data-outcome-unknown")).isEmpty();
        given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin).get("/v1.0/users/{id}", adele)
                .then().statusCode(404);
        await("licensing frees Adele's license at once").atMost(AdminClient.EVENTUALLY)
                .until(() -> fabrikam.product(AdminClient.BUSINESS_PREMIUM).get("assigned"),
                        assigned -> assigned.equals(assignedBefore - 1));
        JsonPath oneDrive = await("OneDrive retained").atMost(AdminClient.EVENTUALLY)
                .until(() -> fabrikam.oneDrive(adele), o -> o != null && "RETAINED".equals(o.getString("state")));
        assertThat(browser.text("#outcome-onedrive")).as("the page announced what lifecycle then did")
                .contains("kept until " + LocalDate.ofInstant(Instant.parse(oneDrive.getString("deleteAfter")), ZoneOffset.UTC));
    }

    @Test
    void aRefusalFromDirectoryIsShownInItsWordsOnThePageAndChangesNothing(TestInfo test) {
        String megan = ids.get("Megan Bowen");
        open(test);
        browser.signInAs("Sign in as Nestor Wilke, User Administrator");
        browser.open("/users/" + megan + "/former-employee");
        browser.submit("Remove former employee");
        browser.submit("Remove former employee");
        browser.shot("refused");
        assertThat(browser.text("h1")).isEqualTo("Remove a former employee");
        assertThat(browser.text("#error-message")).isEqualTo("Insufficient privileges to complete the operation. "
                + "Nothing was changed.");
        given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin).get("/v1.0/users/{id}", megan)
                .then().statusCode(200).body("accountEnabled", equalTo(true));
    }

    @Test
    void theConsoleShowsTheTenantsOwnAdminCenterLinksAsDirectoryGivesThem(TestInfo test) {
        JsonPath tenant = given().baseUri(system.directory.baseUrl()).auth().oauth2(fabrikam.globalAdmin)
                .get("/api/v1/tenants/current").then().statusCode(200).extract().jsonPath();
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.shot("links");
        assertThat(browser.text("#admin-center-links")).contains("Microsoft 365 admin center (21Vianet)");
        assertThat(browser.find("#admin-center-licenses").getAttribute("href"))
                .isEqualTo(tenant.getString("adminCenter.licensesPage"))
                .isEqualTo("https://go.microsoft.com/fwlink/p/?linkid=850625");
        assertThat(browser.find("#admin-center-active-users").getAttribute("href"))
                .isEqualTo(tenant.getString("adminCenter.activeUsersPage"))
                .isEqualTo("https://go.microsoft.com/fwlink/p/?linkid=850628");
    }

    @Test
    void theSaveChangesBoxSaysOfficeAppsGoUnlicensedProductOnlyWhenNoLicenseLeftIncludesThem(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/users/" + ids.get("Alex Wilber"));
        browser.find("#keep-" + AdminClient.BUSINESS_PREMIUM).click();
        browser.submit("Save changes");
        browser.shot("alex-box");
        assertThat(browser.text("#outcomes tr[data-user='" + ids.get("Alex Wilber") + "'] .office-apps"))
                .startsWith("Unlicensed Product").contains("reduced functionality");
        assertThat(fabrikam.licensesOf(ids.get("Alex Wilber"))).as("only asked").contains(AdminClient.BUSINESS_PREMIUM);

        browser.open("/users/" + ids.get("Isaiah Langer"));
        browser.find("#keep-" + AdminClient.BUSINESS_PREMIUM).click();
        browser.submit("Save changes");
        browser.shot("isaiah-box");
        assertThat(browser.text("#outcomes tr[data-user='" + ids.get("Isaiah Langer") + "'] .office-apps"))
                .isEqualTo("Office apps stay licensed through Microsoft 365 Apps for business.");
    }
}
