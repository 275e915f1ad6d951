package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in Debian's Chromium, on the running services: each flow of the source document as an
 * admin walks it (Licenses, Active users, Your products, a user's data timeline), asserting what the page
 * shows and what the services then hold. Screenshots of each step: target/screenshots/.
 */
class AdminConsoleIT {

    private static final String BUSINESS_PREMIUM_NAME = "Microsoft 365 Business Premium";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static RunningSystem system;
    private static AdminClient contoso;
    private static Map<String, String> ids;
    private Browser browser;

    @BeforeAll
    static void contosoWithItsAdminsAndUsers() {
        system = RunningSystem.get();
        contoso = new AdminClient(system);
        contoso.buy(AdminClient.BUSINESS_PREMIUM, 5);
        contoso.buy(AdminClient.BUSINESS_PREMIUM, 8);
        contoso.buy(AdminClient.OFFICE_365_E3, 10);
        contoso.buy(Map.of("skuId", AdminClient.APPS_FOR_BUSINESS, "licenses", 5, "boughtBy", "CSP",
                "productKind", "PERPETUAL_SOFTWARE"));
        ids = new HashMap<>();
        admin("lee.gu", "Lee Gu", DirectoryRole.LICENSE_ADMINISTRATOR);
        admin("megan.bowen", "Megan Bowen", DirectoryRole.GLOBAL_ADMINISTRATOR);
        admin("diego.siciliani", "Diego Siciliani", DirectoryRole.GLOBAL_READER);
        admin("nestor.wilke", "Nestor Wilke", DirectoryRole.BILLING_ADMINISTRATOR);
        ids.put("Patti Fernandez", contoso.createUser("patti.fernandez", "Patti Fernandez"));
        contoso.buyAsUser(ids.get("Patti Fernandez"), Map.of("skuId", AdminClient.MICROSOFT_365_E3, "licenses", 3,
                "boughtBy", "SELF_SERVICE"));
        licensed("adele.vance", "Adele Vance", AdminClient.BUSINESS_PREMIUM);
        licensed("alex.wilber", "Alex Wilber", AdminClient.BUSINESS_PREMIUM);
        licensed("lynne.robbins", "Lynne Robbins", AdminClient.BUSINESS_PREMIUM);
        licensed("garchie", "Grady Archie", AdminClient.BUSINESS_PREMIUM);
        licensed("pradeep.gupta", "Pradeep Gupta", AdminClient.BUSINESS_PREMIUM);
        licensed("isaiah.langer", "Isaiah Langer", AdminClient.OFFICE_365_E3);
        licensed("johanna.lorenz", "Johanna Lorenz", AdminClient.BUSINESS_PREMIUM);
        contoso.assign(ids.get("Johanna Lorenz"), AdminClient.OFFICE_365_E3);
        for (String name : List.of("Adele Vance", "Alex Wilber", "Lynne Robbins", "Pradeep Gupta", "Isaiah Langer",
                "Grady Archie", "Johanna Lorenz")) {
            contoso.awaitMailbox(ids.get(name), "ACTIVE");
        }
        contoso.placeHold(ids.get("Lynne Robbins"), "LITIGATION_HOLD");
    }

    private static void admin(String alias, String name, DirectoryRole role) {
        String id = contoso.createUser(alias, name);
        contoso.assignRole(id, role);
        ids.put(name, id);
    }

    private static void licensed(String alias, String name, String skuId) {
        String id = contoso.createUser(alias, name);
        contoso.assign(id, skuId);
        ids.put(name, id);
    }

    private void open(TestInfo test) {
        browser = Browser.forTest(system, contoso, test);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLicensesPageAddsUpSubscriptionsAndUnassignsTheSelectedUsersAfterSayingWhatHappensToTheirData(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        Map<String, Object> before = contoso.product(AdminClient.BUSINESS_PREMIUM);
        browser.shot("licenses");
        WebElement row = browser.find("tr[data-sku='" + AdminClient.BUSINESS_PREMIUM + "']");
        assertThat(row.findElement(By.cssSelector(".total")).getText()).isEqualTo("13");
        assertThat(row.findElement(By.cssSelector(".assigned")).getText()).isEqualTo(before.get("assigned").toString());
        assertThat(row.findElement(By.cssSelector(".available")).getText()).isEqualTo(before.get("available").toString());

        browser.link(BUSINESS_PREMIUM_NAME).click();
        tick("Adele Vance");
        tick("Alex Wilber");
        tick("Lynne Robbins");
        browser.shot("three-users-ticked");
        browser.button("Unassign licenses").click();

        browser.shot("unassign-licenses-box");
        assertThat(browser.text("#box-title")).isEqualTo("Unassign licenses");
        String purgeDay = DAY.format(Instant.now().plus(30, ChronoUnit.DAYS));
        assertThat(outcome("Adele Vance")).contains("disconnected and no longer searchable by eDiscovery")
                .contains("purged on " + purgeDay + " unless the license returns");
        assertThat(outcome("Lynne Robbins")).contains("Mailbox under Litigation Hold: kept and still searchable");
        assertThat(browser.pageText()).contains("Items under retention labels are kept for discovery")
                .contains("OneDrive left in place");

        browser.button("Unassign").click();
        browser.awaitOperationFinished();
        browser.shot("unassigned");
        assertThat(browser.text("#progress-text")).startsWith("3 of 3 users done");
        for (String name : List.of("Adele Vance", "Alex Wilber", "Lynne Robbins")) {
            assertThat(result(name)).isEqualTo(BUSINESS_PREMIUM_NAME + " unassigned.");
            assertThat(contoso.licensesOf(ids.get(name))).doesNotContain(AdminClient.BUSINESS_PREMIUM);
        }
        assertThat(contoso.product(AdminClient.BUSINESS_PREMIUM).get("assigned"))
                .isEqualTo((Integer) before.get("assigned") - 3);
        contoso.awaitMailbox(ids.get("Adele Vance"), "DISCONNECTED");
        assertThat(contoso.mailbox(ids.get("Lynne Robbins")).getBoolean("searchable")).isTrue();

        // each user's timeline is one click away; inside the grace period "Reassign" gives the license back
        browser.link("Timeline of Adele Vance").click();
        browser.shot("adele-timeline");
        assertThat(browser.text("#mailbox-state")).isEqualTo("DISCONNECTED");
        assertThat(browser.text("#mailbox-searchable")).isEqualTo("No");
        assertThat(browser.text("#purge-date")).startsWith(purgeDay);
        assertThat(browser.text("#timeline")).contains("License removed");
        browser.submit("Reassign");
        browser.shot("adele-reassigned");
        assertThat(browser.text("#status-message")).contains(BUSINESS_PREMIUM_NAME + " given back");
        assertThat(contoso.licensesOf(ids.get("Adele Vance"))).contains(AdminClient.BUSINESS_PREMIUM);
        contoso.awaitMailbox(ids.get("Adele Vance"), "ACTIVE");
        assertThat(contoso.mailbox(ids.get("Adele Vance")).getBoolean("searchable")).isTrue();
    }

    @Test
    void activeUsersRightPaneClearsOneLicenseAndSaveChangesKeepsTheMailboxThroughTheOther(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/users");
        search("Johanna");
        browser.shot("searched");
        browser.link("Johanna Lorenz").click();
        browser.shot("licenses-and-apps");
        assertThat(browser.text("#user-pane")).contains("Licenses and Apps");
        WebElement businessPremium = browser.find("#keep-" + AdminClient.BUSINESS_PREMIUM);
        assertThat(businessPremium.isSelected()).isTrue();
        businessPremium.click();
        browser.button("Save changes").click();
        browser.shot("box");
        assertThat(outcome("Johanna Lorenz")).contains("Keeps Exchange Online through Office 365 E3");
        browser.button("Save changes").click();
        browser.awaitOperationFinished();
        browser.shot("saved");
        assertThat(result("Johanna Lorenz")).isEqualTo("Unassigned " + BUSINESS_PREMIUM_NAME + ".");
        assertThat(contoso.licensesOf(ids.get("Johanna Lorenz"))).containsExactly(AdminClient.OFFICE_365_E3);
        assertThat(contoso.mailbox(ids.get("Johanna Lorenz")).getString("state")).isEqualTo("ACTIVE");
        browser.submit("Done");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/users/" + ids.get("Johanna Lorenz"));
    }

    @Test
    void searchFindsUsersByNameOrByUserPrincipalName(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Diego Siciliani, Global Reader");
        browser.open("/users");
        search("garchie");
        browser.shot("by-upn");
        assertThat(names()).containsExactly("Grady Archie");
        search("Isaiah");
        browser.shot("by-name");
        assertThat(names()).containsExactly("Isaiah Langer");
    }

    @Test
    void manageProductLicensesUnassignsAllFromTheSelectedUsersShowingProgressAndEachResult(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.open("/users");
        browser.find("input[aria-label='Select Pradeep Gupta']").click();
        browser.find("input[aria-label='Select Isaiah Langer']").click();
        browser.shot("circles-selected");
        browser.button("Manage product licenses").click();
        browser.shot("manage-product-licenses");
        assertThat(outcome("Pradeep Gupta")).contains("disconnected and no longer searchable");
        assertThat(outcome("Isaiah Langer")).contains("disconnected and no longer searchable");
        browser.find("#choice-unassign-all").click();
        browser.button("Save changes").click();
        browser.awaitOperationFinished();
        browser.shot("unassigned-all");
        assertThat(browser.find("#progress").getAttribute("value")).isEqualTo("2");
        assertThat(result("Pradeep Gupta")).isEqualTo("Unassigned " + BUSINESS_PREMIUM_NAME + ".");
        assertThat(result("Isaiah Langer")).isEqualTo("Unassigned Office 365 E3.");
        assertThat(contoso.licensesOf(ids.get("Pradeep Gupta"))).isEmpty();
        assertThat(contoso.licensesOf(ids.get("Isaiah Langer"))).isEmpty();
        assertThat(contoso.awaitMailbox(ids.get("Isaiah Langer"), "DISCONNECTED").getBoolean("searchable")).isFalse();
        browser.submit("Done");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/users");
    }

    @Test
    void yourProductsHasARowPerSubscriptionSendsCspPerpetualSoftwareToTheLicensesPageAndTakesOverASelfServicePurchase(
            TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/products");
        browser.shot("your-products");
        assertThat(browser.all("tr[data-sku='" + AdminClient.BUSINESS_PREMIUM + "']")).hasSize(2);
        WebElement csp = browser.find("tr[data-sku='" + AdminClient.APPS_FOR_BUSINESS + "']");
        assertThat(csp.getText()).contains("Unassign unavailable here");
        assertThat(csp.findElement(By.linkText("Use the Licenses page")).getAttribute("href"))
                .endsWith("/licenses/" + AdminClient.APPS_FOR_BUSINESS);
        WebElement selfService = browser.find("tr[data-sku='" + AdminClient.MICROSOFT_365_E3 + "']");
        selfService.findElement(By.xpath(".//button[normalize-space()='Take over']")).click();
        browser.shot("taken-over");
        assertThat(browser.text("#status-message")).contains("You took over Microsoft 365 E3");
        assertThat(contoso.subscriptions()).filteredOn(s -> AdminClient.MICROSOFT_365_E3.equals(s.get("skuId")))
                .singleElement().satisfies(s -> assertThat(s.get("takenOverDateTime")).isNotNull());
        assertThat(browser.find("tr[data-sku='" + AdminClient.MICROSOFT_365_E3 + "']").getText()).contains("Unassign licenses");
    }

    @Test
    void aGlobalReaderSeesLicensesAndUsersButIsOfferedNoUnassign(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Diego Siciliani, Global Reader");
        browser.open("/licenses/" + AdminClient.BUSINESS_PREMIUM);
        browser.shot("product-read-only");
        assertThat(browser.all("#holders tbody tr")).isNotEmpty();
        assertThat(browser.all("input[name='userId']")).isEmpty();
        assertThat(browser.all("#unassign-licenses")).isEmpty();
        browser.open("/users/" + ids.get("Grady Archie"));
        browser.shot("pane-read-only");
        assertThat(browser.all("#manage-licenses")).isEmpty();
        assertThat(browser.all("#save-changes")).isEmpty();
        assertThat(browser.find("#keep-" + AdminClient.BUSINESS_PREMIUM).isEnabled()).isFalse();
    }

    @Test
    void aRefusalFromAServiceIsShownInPlainWordsNeverAsJson(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Nestor Wilke, Billing Administrator");
        browser.shot("billing-admin-on-licenses");
        String message = browser.text("#error-message");
        assertThat(message).isNotBlank().doesNotContain("{").doesNotContain("\"error\"");
        assertThat(browser.driver.getPageSource()).doesNotContain("Exception").doesNotContain("innerError")
                .doesNotContain("request-id");
    }

    @Test
    void theUnassignFlowWorksWithTheKeyboardAlone(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        String grady = ids.get("Grady Archie");
        browser.open("/licenses");
        browser.tabTo("a[href='/licenses/" + AdminClient.BUSINESS_PREMIUM + "']", 40);
        browser.press(Keys.ENTER);
        await().until(() -> browser.driver.getCurrentUrl().endsWith("/licenses/" + AdminClient.BUSINESS_PREMIUM));
        browser.tabTo("input[value='" + grady + "']", 60);
        browser.press(Keys.SPACE);
        assertThat(browser.find("input[value='" + grady + "']").isSelected()).isTrue();
        browser.shot("ticked-with-space");
        browser.tabTo("#unassign-licenses", 60);
        browser.press(Keys.ENTER);
        await().until(() -> !browser.all("#confirm-box").isEmpty());
        browser.shot("box-by-keyboard");
        browser.tabTo("#confirm", 40);
        browser.press(Keys.ENTER);
        await().until(() -> !browser.all("#operation").isEmpty());
        browser.awaitOperationFinished();
        browser.shot("done-by-keyboard");
        browser.tabTo("#done", 60);
        browser.press(Keys.ENTER);
        await().until(() -> browser.driver.getCurrentUrl().endsWith("/licenses/" + AdminClient.BUSINESS_PREMIUM));
        assertThat(contoso.licensesOf(grady)).doesNotContain(AdminClient.BUSINESS_PREMIUM);
    }

    @Test
    void aPageOfAnotherOriginOfTheSameSiteThatAutoSubmitsUnassignIsRefusedAndTheUserKeepsTheLicense(TestInfo test) {
        // issue 12: a page on http://localhost:<another port> auto-submits the Licenses page's "Unassign" while a
        // License Administrator is signed in (SameSite=Strict lets the session cookie through: same site)
        String yuki = contoso.createUser("yuki.tanaka", "Yuki Tanaka");
        contoso.assign(yuki, AdminClient.BUSINESS_PREMIUM);
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.open("/licenses/" + AdminClient.BUSINESS_PREMIUM);
        String console = system.consoleFor(contoso.tenantId).baseUrl();
        try (AnotherOrigin page = AnotherOrigin.autoSubmitting(
                console + "/licenses/" + AdminClient.BUSINESS_PREMIUM + "/unassign/confirmed", Map.of("userId", yuki))) {
            browser.driver.get(page.url());
            await("the forged form reaches the console").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.driver.getCurrentUrl().startsWith(console));
        }
        browser.shot("forged-form-refused");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/operations/");
        assertThat(browser.text("h1")).isEqualTo("Request refused");
        assertThat(browser.text("#error-message")).contains("sent by a page of another site").contains("nothing was changed");
        assertThat(contoso.licensesOf(yuki)).contains(AdminClient.BUSINESS_PREMIUM);
        // the admin's own page still works
        browser.open("/licenses/" + AdminClient.BUSINESS_PREMIUM);
        assertThat(browser.all("input[value='" + yuki + "']")).hasSize(1);
    }

    @Test
    void aSessionCookieCopiedBeforeSignOutIsRefusedAfterIt(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        Cookie copied = browser.driver.manage().getCookieNamed("console_session");
        assertThat(copied.isHttpOnly()).isTrue();
        given().baseUri(system.consoleFor(contoso.tenantId).baseUrl()).redirects().follow(false).cookie(copied.getName(), copied.getValue())
                .get("/licenses").then().statusCode(200);

        browser.link("Sign out").click();
        await("signed out").atMost(Duration.ofSeconds(30)).until(() -> browser.driver.getCurrentUrl().endsWith("/sign-in"));
        browser.shot("signed-out");

        given().baseUri(system.consoleFor(contoso.tenantId).baseUrl()).redirects().follow(false).cookie(copied.getName(), copied.getValue())
                .get("/licenses").then().statusCode(303).header("Location", endsWith("/sign-in"));
        browser.driver.manage().addCookie(copied);
        browser.open("/licenses");
        browser.shot("copied-cookie-refused");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/sign-in");
    }

    @Test
    void everyInputButtonAndSelectHasAnAccessibleLabel(TestInfo test) {
        open(test);
        browser.open("/sign-in");
        assertThat(unlabelledControls()).as("sign-in").isEmpty();
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        for (String page : List.of("/licenses", "/licenses/" + AdminClient.BUSINESS_PREMIUM, "/users",
                "/users/" + ids.get("Johanna Lorenz"), "/users/manage?userId=" + ids.get("Alex Wilber"), "/products",
                "/users/" + ids.get("Alex Wilber") + "/timeline")) {
            browser.open(page);
            browser.shot(page.replaceAll("[^a-z]+", "-"));
            assertThat(unlabelledControls()).as(page).isEmpty();
        }
        browser.open("/licenses/" + AdminClient.BUSINESS_PREMIUM);
        browser.all("input[name='userId']").get(0).click();
        browser.button("Unassign licenses").click();
        // the box is a new page: wait for it to load rather than read the page the click left
        await().until(() -> browser.all("#confirm-box").size() == 1);
        assertThat(unlabelledControls()).as("the Unassign licenses box").isEmpty();
    }

    @Test
    void activeUsersAreSortedByDisplayNameIgnoringCase(TestInfo test) {
        contoso.createUser("bianca.pisani", "bianca Pisani");
        open(test);
        browser.signInAs("Sign in as Diego Siciliani, Global Reader");
        browser.open("/users");
        browser.shot("sorted");
        assertThat(names()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
                .containsSubsequence("Adele Vance", "Alex Wilber", "bianca Pisani", "Diego Siciliani", "Grady Archie",
                        "Megan Bowen");
    }

    @Test
    void theLicensesColumnNamesEachUsersProductsOrSaysUnlicensed(TestInfo test) {
        String miriam = contoso.createUser("miriam.graham", "Miriam Graham");
        contoso.assign(miriam, AdminClient.OFFICE_365_E3);
        contoso.assign(miriam, AdminClient.BUSINESS_PREMIUM);
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        // directory learns of licenses from licensing's events: the column may lag a moment behind
        await("directory lists Miriam's licenses").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            browser.open("/users?search=Miriam");
            assertThat(licenses(miriam)).isEqualTo(BUSINESS_PREMIUM_NAME + ", Office 365 E3");
        });
        browser.shot("licenses-column");
        assertThat(browser.text("#users thead")).contains("Licenses");
        browser.open("/users?search=Megan");
        assertThat(licenses(ids.get("Megan Bowen"))).isEqualTo("Unlicensed");
    }

    @Test
    void theProductFilterListsOnlyTheUsersHoldingTheProduct(TestInfo test) {
        String henrietta = contoso.createUser("henrietta.mueller", "Henrietta Mueller");
        contoso.assign(henrietta, AdminClient.OFFICE_365_E3);
        open(test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.open("/users");
        new Select(browser.find("#product")).selectByVisibleText("Office 365 E3");
        browser.button("Filter").click();
        await("directory lists Henrietta as holding Office 365 E3").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            browser.driver.navigate().refresh();
            assertThat(names()).contains("Henrietta Mueller");
        });
        browser.shot("filtered");
        assertThat(browser.text("#users caption")).contains("holding Office 365 E3");
        assertThat(names()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
                .doesNotContain("Megan Bowen", "Lynne Robbins", "Alex Wilber");
        assertThat(browser.all("#users tbody td.licenses")).extracting(WebElement::getText)
                .allSatisfy(products -> assertThat(products).contains("Office 365 E3"));
        search("Henrietta");
        assertThat(names()).containsExactly("Henrietta Mueller");
        assertThat(new Select(browser.find("#product")).getFirstSelectedOption().getText()).isEqualTo("Office 365 E3");
        new Select(browser.find("#product")).selectByVisibleText(BUSINESS_PREMIUM_NAME);
        browser.submit("Filter");
        assertThat(names()).isEmpty();
        assertThat(browser.text("#users tbody")).isEqualTo("No users found.");
    }

    private void tick(String name) {
        browser.find("input[aria-label='Select " + name + "']").click();
    }

    private void search(String text) {
        WebElement box = browser.find("#search");
        box.clear();
        box.sendKeys(text);
        browser.submit("Search");
    }

    private List<String> names() {
        return browser.all("#users tbody a.open-user").stream().map(WebElement::getText).toList();
    }

    private String licenses(String userId) {
        return browser.text("#users tr[data-user='" + userId + "'] td.licenses");
    }

    private String outcome(String name) {
        return browser.find("#outcomes tr[data-user='" + ids.get(name) + "']").getText();
    }

    private String result(String name) {
        return browser.find("#results tr[data-user='" + ids.get(name) + "'] .result").getText();
    }

    @SuppressWarnings("unchecked")
    private List<String> unlabelledControls() {
        return (List<String>) browser.script("""
                const missing = [];
                document.querySelectorAll('input:not([type=hidden]), button, select, textarea').forEach(el => {
                  const byAria = (el.getAttribute('aria-label') || '').trim();
                  const by = el.getAttribute('aria-labelledby');
                  const byIds = by ? by.split(' ').map(id => document.getElementById(id)?.textContent || '').join('').trim() : '';
                  const byLabel = el.labels ? Array.from(el.labels).map(l => l.textContent).join('').trim() : '';
                  const byText = el.tagName === 'BUTTON' ? el.textContent.trim() : '';
                  if (!byAria && !byIds && !byLabel && !byText) missing.push(el.outerHTML);
                });
                return missing;""");
    }
}
