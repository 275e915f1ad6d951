package org.licenselifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.openqa.selenium.WebElement;

/**
 * Your products in Chromium on the running services: from a subscription's row to its page, remove licenses (never
 * below what is assigned: licensing refuses, the page says why and nothing changes), recurring billing off and on, and
 * cancel inside the cancellation window, each confirmed first; what licensing then holds is checked through its API.
 */
class YourProductsIT {

    private static RunningSystem system;
    private static AdminClient contoso;
    private static String businessPremium;
    private static String e3;
    private static String e3ToCancel;
    private static String perpetual;
    private Browser browser;

    @BeforeAll
    static void contosoWithSubscriptionsAndThreeLicensedUsers() {
        system = RunningSystem.get();
        contoso = new AdminClient(system);
        businessPremium = contoso.buy(Map.of("skuId", AdminClient.BUSINESS_PREMIUM, "licenses", 5));
        e3 = contoso.buy(Map.of("skuId", AdminClient.OFFICE_365_E3, "licenses", 10));
        e3ToCancel = contoso.buy(Map.of("skuId", AdminClient.OFFICE_365_E3, "licenses", 4));
        perpetual = contoso.buy(Map.of("skuId", AdminClient.APPS_FOR_BUSINESS, "licenses", 5, "boughtBy", "CSP",
                "productKind", "PERPETUAL_SOFTWARE"));
        contoso.assignRole(contoso.createUser("megan.bowen", "Megan Bowen"), DirectoryRole.GLOBAL_ADMINISTRATOR);
        contoso.assignRole(contoso.createUser("diego.siciliani", "Diego Siciliani"), DirectoryRole.GLOBAL_READER);
        for (String alias : List.of("adele.vance", "alex.wilber", "lynne.robbins")) {
            contoso.assign(contoso.createUser(alias), AdminClient.BUSINESS_PREMIUM);
        }
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
    void removingLicensesBelowWhatIsAssignedIsRefusedInLicensingsWordsAndChangesNothingThenFewerAreRemoved(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/products");
        WebElement link = browser.find("tr[data-subscription='" + businessPremium + "'] th a");
        assertThat(link.getText()).isEqualTo("Microsoft 365 Business Premium");
        browser.submit("Microsoft 365 Business Premium");
        browser.shot("subscription");
        assertThat(browser.text("#licenses")).isEqualTo("5");

        keep("2");
        browser.submit("Remove licenses");
        browser.shot("confirm-remove-three");
        assertThat(browser.text("#box-question")).isEqualTo("Remove 3 licenses from this subscription of Microsoft 365 "
                + "Business Premium, going from 5 to 2 licenses? You stop paying for them.");
        browser.submit("Remove licenses");
        browser.shot("refused");
        assertThat(browser.text("#error-message")).isEqualTo("You can't remove licenses that are assigned: 3 of 5 "
                + "licenses of Microsoft 365 Business Premium are assigned, so at most 2 can be removed. Unassign licenses "
                + "first. Nothing was changed.");
        assertThat(browser.text("#licenses")).isEqualTo("5");
        assertThat(subscription(businessPremium).get("licenses")).isEqualTo(5);
        assertThat(contoso.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("total", 5).containsEntry("assigned", 3);

        keep("3");
        browser.submit("Remove licenses");
        browser.submit("Remove licenses");
        browser.shot("removed-two");
        assertThat(browser.text("#status-message")).isEqualTo("Licenses removed: this subscription now has 3 licenses.");
        assertThat(browser.text("#licenses")).isEqualTo("3");
        assertThat(subscription(businessPremium).get("licenses")).isEqualTo(3);
        assertThat(contoso.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("total", 3).containsEntry("available", 0);
    }

    @Test
    void recurringBillingIsTurnedOffAndOnAgainEachAfterConfirming(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/subscriptions/" + e3);
        assertThat(browser.text("#recurring-billing")).isEqualTo("On");
        browser.submit("Turn off recurring billing");
        browser.shot("confirm-off");
        assertThat(browser.text("#box-question")).contains("ends at the end of its term");
        assertThat(subscription(e3).get("recurringBilling")).as("nothing changed before confirming").isEqualTo(true);
        browser.submit("Turn off recurring billing");
        browser.shot("off");
        assertThat(browser.text("#status-message")).startsWith("Recurring billing is off: the subscription ends at the end "
                + "of its term");
        assertThat(browser.text("#recurring-billing")).isEqualTo("Off");
        assertThat(subscription(e3).get("recurringBilling")).isEqualTo(false);

        browser.submit("Turn on recurring billing");
        browser.submit("Turn on recurring billing");
        browser.shot("on-again");
        assertThat(browser.text("#recurring-billing")).isEqualTo("On");
        assertThat(subscription(e3).get("recurringBilling")).isEqualTo(true);
    }

    @Test
    void aSubscriptionInsideItsCancellationWindowIsCancelledAndPerpetualSoftwareOffersNoCancel(TestInfo test) {
        int totalBefore = (Integer) contoso.product(AdminClient.OFFICE_365_E3).get("total");
        open(test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        browser.open("/subscriptions/" + e3ToCancel);
        assertThat(browser.text("#cancellation-window")).startsWith("Until ");
        browser.submit("Cancel subscription");
        browser.shot("confirm-cancel");
        assertThat(browser.text("#box-question")).contains("This can't be undone");
        assertThat(subscription(e3ToCancel).get("status")).as("nothing changed before confirming").isNotEqualTo("Deleted");
        browser.submit("Cancel subscription");
        browser.shot("cancelled");
        assertThat(browser.text("#status-message")).isEqualTo("Subscription cancelled.");
        assertThat(browser.all("#cancel-subscription")).isEmpty();
        assertThat(subscription(e3ToCancel).get("status")).isEqualTo("Deleted");
        assertThat(contoso.product(AdminClient.OFFICE_365_E3).get("total")).isEqualTo(totalBefore - 4);

        browser.open("/subscriptions/" + perpetual);
        browser.shot("perpetual");
        assertThat(browser.all("#cancel-subscription")).isEmpty();
        assertThat(browser.text("#no-cancel")).contains("no cancellation window");
    }

    @Test
    void aGlobalReaderSeesASubscriptionButIsOfferedNoChange(TestInfo test) {
        open(test);
        browser.signInAs("Sign in as Diego Siciliani, Global Reader");
        browser.open("/subscriptions/" + e3);
        browser.shot("read-only");
        assertThat(browser.text("h1")).isEqualTo("Office 365 E3");
        assertThat(browser.all("#remove-licenses, #recurring-billing-switch, #cancel-subscription")).isEmpty();
    }

    private void keep(String licenses) {
        WebElement box = browser.find("#keep-licenses");
        box.clear();
        box.sendKeys(licenses);
    }

    private static Map<String, Object> subscription(String id) {
        return contoso.subscriptions().stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
    }
}
