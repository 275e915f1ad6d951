package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
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
 * Teams &amp; groups in Debian's Chromium, on the running services: a group made and filled through directory's Graph
 * API, given a product by licensing's event, is listed on Active groups and shown on its own page with its
 * description, its members (each a link to the user on Active users) and the license it gives, named as licensing
 * names it. Screenshots of each step: target/screenshots/.
 */
class GroupsPageIT {

    private static final String BUSINESS_PREMIUM_NAME = "Microsoft 365 Business Premium";

    private static RunningSystem system;
    private static AdminClient tenant;
    private static String group;
    private static String adele;
    private static String alex;
    private Browser browser;

    @BeforeAll
    static void aGroupWithTwoMembersThatGivesBusinessPremium() {
        system = RunningSystem.get();
        tenant = new AdminClient(system);
        tenant.buy(AdminClient.BUSINESS_PREMIUM, 5);
        tenant.assignRole(tenant.createUser("megan.bowen", "Megan Bowen"), DirectoryRole.GLOBAL_ADMINISTRATOR);
        adele = tenant.createUser("adele.vance", "Adele Vance");
        alex = tenant.createUser("alex.wilber", "Alex Wilber");
        group = directory().contentType(ContentType.JSON)
                .body(Map.of("displayName", "Sales EMEA", "mailNickname", "salesemea", "mailEnabled", false,
                        "securityEnabled", true, "description", "Sellers in Europe, the Middle East and Africa"))
                .post("/v1.0/groups").then().statusCode(201).extract().path("id");
        for (String member : List.of(adele, alex)) {
            directory().contentType(ContentType.JSON)
                    .body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + member))
                    .post("/v1.0/groups/{id}/members/$ref", group).then().statusCode(204);
        }
        tenant.assignToGroup(group, AdminClient.BUSINESS_PREMIUM);
        await("directory folds the group's licenses").atMost(AdminClient.EVENTUALLY).until(() -> !directory()
                .get("/v1.0/groups/{id}?$select=assignedLicenses", group).then().statusCode(200)
                .extract().jsonPath().getList("assignedLicenses").isEmpty());
    }

    private static io.restassured.specification.RequestSpecification directory() {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(tenant.globalAdmin);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminFindsTheGroupItsMembersAndTheLicenseItGivesAndFollowsAMemberToTheirUser(TestInfo test) {
        browser = Browser.forTest(system, tenant, test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");

        browser.submit("Active groups");
        browser.shot("active-groups");
        WebElement row = browser.find("tr[data-group='" + group + "']");
        assertThat(row.findElement(By.cssSelector("th")).getText()).isEqualTo("Sales EMEA");
        assertThat(row.findElement(By.cssSelector(".description")).getText())
                .isEqualTo("Sellers in Europe, the Middle East and Africa");

        browser.submit("Sales EMEA");
        browser.shot("group");
        assertThat(browser.text("#group-name")).isEqualTo("Sales EMEA");
        assertThat(browser.text("#group-description")).isEqualTo("Sellers in Europe, the Middle East and Africa");
        assertThat(browser.all("#group-licenses li").stream().map(WebElement::getText)).containsExactly(BUSINESS_PREMIUM_NAME);
        assertThat(browser.all("#group-members tbody tr").stream().map(r -> r.getAttribute("data-user")))
                .containsExactly(adele, alex);
        assertThat(browser.find("tr[data-user='" + alex + "'] a").getAttribute("href")).endsWith("/users/" + alex);
        assertThat(browser.find("tr[data-user='" + alex + "'] .upn").getText()).isEqualTo("alex.wilber@contoso.onmicrosoft.com");

        browser.submit("Alex Wilber");
        browser.shot("member");
        assertThat(browser.pageText()).contains("alex.wilber@contoso.onmicrosoft.com");
    }

    @Test
    void anotherTenantsGroupIsNeitherListedNorShown(TestInfo test) {
        AdminClient other = new AdminClient(system);
        String theirs = given().baseUri(system.directory.baseUrl()).auth().oauth2(other.globalAdmin)
                .contentType(ContentType.JSON).body(Map.of("displayName", "Theirs", "mailNickname", "theirs",
                        "mailEnabled", false, "securityEnabled", true))
                .post("/v1.0/groups").then().statusCode(201).extract().path("id");
        browser = Browser.forTest(system, tenant, test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");

        browser.submit("Active groups");
        assertThat(browser.all("#groups tbody tr").stream().map(r -> r.getAttribute("data-group"))).containsExactly(group);

        browser.open("/groups/" + theirs);
        browser.shot("another-tenants-group");
        assertThat(browser.pageText()).doesNotContain("Theirs");
        assertThat(browser.all("#group-name")).isEmpty();
    }
}
