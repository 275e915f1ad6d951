package org.licenselifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.openqa.selenium.By;

/**
 * Subscription life in Debian's Chromium, on the running services: Your products shows each subscription's state and,
 * for one whose recurring billing is off, when licensing says it expires, is disabled and deleted; the Licenses page
 * shows each product's state. (The states themselves move with licensing's clock: SubscriptionLifeTest.)
 */
class SubscriptionLifeIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static RunningSystem system;
    private static AdminClient tenant;
    private static String renewing;
    private static String ending;
    private Browser browser;

    @BeforeAll
    static void aTenantWithOneSubscriptionThatRenewsAndOneThatEnds() {
        system = RunningSystem.get();
        tenant = new AdminClient(system);
        tenant.assignRole(tenant.createUser("megan.bowen", "Megan Bowen"), DirectoryRole.GLOBAL_ADMINISTRATOR);
        renewing = tenant.buy(Map.of("skuId", AdminClient.BUSINESS_PREMIUM, "licenses", 5));
        ending = tenant.buy(Map.of("skuId", AdminClient.OFFICE_365_E3, "licenses", 3, "recurringBilling", false));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void yourProductsShowsEachSubscriptionsStateAndWhenOneNotRenewedExpiresIsDisabledAndDeleted(TestInfo test) {
        browser = Browser.forTest(system, tenant, test);
        browser.signInAs("Sign in as Megan Bowen, Global Administrator");
        Map<String, Object> life = tenant.subscriptions().stream().filter(s -> ending.equals(s.get("id"))).findFirst()
                .orElseThrow();

        browser.open("/products");
        browser.shot("your-products");

        assertThat(browser.find("tr[data-subscription='" + renewing + "'] td.status").getText()).isEqualTo("Active");
        assertThat(browser.find("tr[data-subscription='" + ending + "'] td.status").getText()).isEqualTo("Active\nExpires on "
                + day(life.get("expiredDateTime")) + " (recurring billing is off); disabled on "
                + day(life.get("disabledDateTime")) + ", deleted on " + day(life.get("deletedDateTime"))
                + " unless reactivated.");

        browser.open("/licenses");
        browser.shot("licenses");
        assertThat(browser.find("tr[data-sku='" + AdminClient.OFFICE_365_E3 + "']").findElement(By.cssSelector(".status"))
                .getText()).isEqualTo("Active");
    }

    private static String day(Object isoInstant) {
        return DAY.format(Instant.parse((String) isoInstant));
    }
}
