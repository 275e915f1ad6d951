package org.licenselifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.openqa.selenium.WebElement;

/**
 * The admin console with more users than a page holds: at most 20 ticked on the Licenses page (the 21st
 * refused with a visible reason), and Active users paged.
 */
class ConsoleLimitsIT {

    private static final int HOLDERS = 21;
    private static final int UNLICENSED = 5;

    private static RunningSystem system;
    private static AdminClient fabrikam;
    private static final List<String> holders = new ArrayList<>();
    private Browser browser;

    @BeforeAll
    static void fabrikamWithTwentyOneHolders() {
        system = RunningSystem.get();
        fabrikam = new AdminClient(system);
        fabrikam.buy(AdminClient.BUSINESS_PREMIUM, 25);
        fabrikam.assignRole(fabrikam.createUser("lee.gu", "Lee Gu"), DirectoryRole.LICENSE_ADMINISTRATOR);
        for (int i = 1; i <= HOLDERS; i++) {
            String id = fabrikam.createUser(String.format("holder%02d", i), String.format("Holder %02d", i));
            fabrikam.assign(id, AdminClient.BUSINESS_PREMIUM);
            holders.add(id);
        }
        for (int i = 1; i <= UNLICENSED; i++) {
            fabrikam.createUser("unlicensed" + i, "Unlicensed " + i);
        }
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theTwentyFirstBoxIsRefusedWithAVisibleReasonAndNothingIsUnassigned(TestInfo test) {
        browser = Browser.forTest(system, fabrikam, test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.open("/licenses/" + AdminClient.BUSINESS_PREMIUM);
        List<WebElement> boxes = browser.all("input[name='userId']");
        assertThat(boxes).hasSize(HOLDERS);
        for (int i = 0; i < 20; i++) {
            boxes.get(i).click();
        }
        assertThat(browser.text("#limit-message")).isEmpty();
        boxes.get(20).click();
        browser.shot("twenty-first-refused");
        assertThat(boxes.get(20).isSelected()).isFalse();
        assertThat(browser.all("input[name='userId']:checked")).hasSize(20);
        WebElement reason = browser.find("#limit-message");
        assertThat(reason.isDisplayed()).isTrue();
        assertThat(reason.getText()).contains("up to 20 users at a time");
        assertThat(reason.getAttribute("role")).isEqualTo("alert");
        assertThat(fabrikam.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("assigned", HOLDERS);
    }

    @Test
    void activeUsersArePagedAndEveryUserAppearsOnce(TestInfo test) {
        browser = Browser.forTest(system, fabrikam, test);
        browser.signInAs("Sign in as Lee Gu, License Administrator");
        browser.open("/users");
        Set<String> seen = new HashSet<>();
        List<String> first = browser.all("#users tbody tr[data-user]").stream().map(r -> r.getAttribute("data-user")).toList();
        assertThat(first).hasSize(RunningSystem.CONSOLE_PAGE_SIZE);
        seen.addAll(first);
        browser.shot("first-page");
        browser.link("Next page").click();
        browser.shot("second-page");
        List<String> second = browser.all("#users tbody tr[data-user]").stream().map(r -> r.getAttribute("data-user")).toList();
        seen.addAll(second);
        assertThat(second).hasSize(1 + HOLDERS + UNLICENSED - RunningSystem.CONSOLE_PAGE_SIZE);
        assertThat(seen).hasSize(1 + HOLDERS + UNLICENSED).containsAll(holders);
        assertThat(browser.all("#next-page")).isEmpty();
    }
}
