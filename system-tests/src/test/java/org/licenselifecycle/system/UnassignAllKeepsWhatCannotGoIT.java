package org.licenselifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.openqa.selenium.WebElement;

/**
 * Active users with licenses an admin cannot remove here, in Chromium on the running services: the pane greys out a
 * license inherited from a named group and one from the user's own self-service purchase, each described by why; "Unassign
 * all" removes every other license and says, per user, which stayed and why.
 */
class UnassignAllKeepsWhatCannotGoIT {

    private static final String BUSINESS_PREMIUM_NAME = "Microsoft 365 Business Premium";

    private static RunningSystem system;
    private static AdminClient tailspin;
    private static final Map<String, String> ids = new HashMap<>();
    private static String sales;
    private Browser browser;

    @BeforeAll
    static void tailspinWithInheritedAndSelfServiceLicenses() {
        system = RunningSystem.get();
        tailspin = new AdminClient(system);
        tailspin.buy(AdminClient.BUSINESS_PREMIUM, 5);
        tailspin.buy(AdminClient.OFFICE_365_E3, 5);
        tailspin.assignRole(tailspin.createUser("lee.gu", "Lee Gu"), DirectoryRole.LICENSE_ADMINISTRATOR);
        ids.put("Ada Lovelace", tailspin.createUser("ada.lovelace", "Ada Lovelace"));
        ids.put("Grace Hopper", tailspin.createUser("grace.hopper", "Grace Hopper"));
        tailspin.assign(ids.get("Ada Lovelace"), AdminClient.BUSINESS_PREMIUM);
        tailspin.assign(ids.get("Grace Hopper"), AdminClient.BUSINESS_PREMIUM);
        // Ada joins Sales in the directory, and Sales gives Office 365 E3
        sales = tailspin.createGroup("Sales");
        tailspin.addMember(sales, ids.get("Ada Lovelace"));
        tailspin.assignToGroup(sales, AdminClient.OFFICE_365_E3);
        await("Ada inherits Office 365 E3").atMost(Duration.ofSeconds(60)).until(() ->
                tailspin.licensesOf(ids.get("Ada Lovelace")).contains(AdminClient.OFFICE_365_E3));
        tailspin.buyAsUser(ids.get("Grace Hopper"), Map.of("skuId", AdminClient.APPS_FOR_BUSINESS, "licenses", 1,
                "boughtBy", "SELF_SERVICE", "assignTo", List.of(ids.get("Grace Hopper"))));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePaneGreysOutWhatCannotGoAndUnassignAllKeepsItSayingWhyPerUser(TestInfo test) {
        browser = Browser.forTest(system, tailspin, test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        int premiumAssigned = (Integer) tailspin.product(AdminClient.BUSINESS_PREMIUM).get("assigned");

        browser.open("/users/" + ids.get("Ada Lovelace"));
        browser.shot("ada-pane");
        WebElement inherited = browser.find("#keep-" + AdminClient.OFFICE_365_E3);
        assertThat(inherited.isEnabled()).isFalse();
        assertThat(inherited.isSelected()).isTrue();
        // its reason is its accessible description, and the page says it
        assertThat(browser.script("return arguments[0].ariaDescribedByElements ? "
                + "arguments[0].ariaDescribedByElements.map(e => e.textContent).join(' ') : "
                + "document.getElementById(arguments[0].getAttribute('aria-describedby')).textContent;", inherited))
                .asString().isEqualTo("Inherited from Sales: remove it through the group");
        // the group's name links to the group's page
        assertThat(browser.find("#group-" + AdminClient.OFFICE_365_E3).getAttribute("href")).endsWith("/groups/" + sales);
        assertThat(browser.find("#keep-" + AdminClient.BUSINESS_PREMIUM).isEnabled()).isTrue();

        browser.open("/users/" + ids.get("Grace Hopper"));
        browser.shot("grace-pane");
        WebElement purchased = browser.find("#keep-" + AdminClient.APPS_FOR_BUSINESS);
        assertThat(purchased.isEnabled()).isFalse();
        assertThat(browser.text("#" + purchased.getAttribute("aria-describedby")))
                .isEqualTo("From a self-service purchase bought by Grace Hopper: an admin can't unassign it until "
                        + "taking the subscription over.");

        browser.open("/users");
        browser.find("input[aria-label='Select Ada Lovelace']").click();
        browser.find("input[aria-label='Select Grace Hopper']").click();
        browser.submit("Manage product licenses");
        browser.find("#choice-unassign-all").click();
        browser.submit("Save changes");
        browser.awaitOperationFinished();
        browser.shot("unassigned-all");

        assertThat(browser.text("#progress-text")).startsWith("2 of 2 users done");
        assertThat(result("Ada Lovelace")).isEqualTo("Unassigned " + BUSINESS_PREMIUM_NAME + ". Kept Office 365 E3: "
                + "Inherited from the group Sales: an admin can't unassign it from the user directly; it goes when the user "
                + "leaves the group or the group no longer gives Office 365 E3.");
        assertThat(result("Grace Hopper")).isEqualTo("Unassigned " + BUSINESS_PREMIUM_NAME + ". Kept Microsoft 365 Apps "
                + "for business: From a self-service purchase bought by Grace Hopper: an admin can't unassign it until "
                + "taking the subscription over.");
        assertThat(tailspin.licensesOf(ids.get("Ada Lovelace"))).containsExactly(AdminClient.OFFICE_365_E3);
        assertThat(tailspin.licensesOf(ids.get("Grace Hopper"))).containsExactly(AdminClient.APPS_FOR_BUSINESS);
        assertThat(tailspin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(premiumAssigned - 2);
        // LicenseRemoved went out for what was removed: Grace's mailbox loses its only Exchange license
        assertThat(tailspin.awaitMailbox(ids.get("Grace Hopper"), "DISCONNECTED").getBoolean("searchable")).isFalse();
    }

    private String result(String name) {
        return browser.find("#results tr[data-user='" + ids.get(name) + "'] .result").getText();
    }
}
