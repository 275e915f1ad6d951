package org.licenselifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The audit log end to end, in Debian's Chromium on the running services: a License Administrator unassigns licenses
 * on the Licenses page (licensing records "Change user license" per user through its outbox, Kafka carries it to
 * directory-service, which keeps it), and a Reports Reader finds who did it on the console's Audit log page, filtered
 * by day and activity. Screenshots of each step: target/screenshots/.
 */
class AuditLogIT {

    private static final String BUSINESS_PREMIUM_NAME = "Microsoft 365 Business Premium";

    private static RunningSystem system;
    private static AdminClient tenant;
    private static Map<String, String> ids;
    private Browser browser;

    @BeforeAll
    static void aTenantWithTwoAdminsAndTwoLicensedUsers() {
        system = RunningSystem.get();
        tenant = new AdminClient(system);
        tenant.buy(AdminClient.BUSINESS_PREMIUM, 5);
        ids = new HashMap<>();
        admin("christie.cline", "Christie Cline", DirectoryRole.LICENSE_ADMINISTRATOR);
        admin("irvin.sayers", "Irvin Sayers", DirectoryRole.REPORTS_READER);
        for (String name : List.of("Joni Sherman", "Nestor Wilke")) {
            String id = tenant.createUser(name.toLowerCase().replace(' ', '.'), name);
            tenant.assign(id, AdminClient.BUSINESS_PREMIUM);
            ids.put(name, id);
        }
    }

    private static void admin(String alias, String name, DirectoryRole role) {
        String id = tenant.createUser(alias, name);
        tenant.assignRole(id, role);
        ids.put(name, id);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReportsReaderFindsWhoUnassignedWhichLicensesOnTheAuditLogPage(TestInfo test) {
        browser = Browser.forTest(system, tenant, test);
        browser.signInAs("Sign in as Christie Cline, License Administrator");
        // a License Administrator may not read the audit log: the menu does not offer it
        assertThat(browser.all("nav a").stream().map(WebElement::getText)).doesNotContain("Audit log");
        // each click waits for the page it leads to (Browser.submit), so that the next step reads the new page
        browser.submit(BUSINESS_PREMIUM_NAME);
        browser.find("input[aria-label='Select Joni Sherman']").click();
        browser.find("input[aria-label='Select Nestor Wilke']").click();
        browser.submit("Unassign licenses");
        browser.submit("Unassign");
        browser.awaitOperationFinished();
        browser.shot("unassigned");
        browser.submit("Sign out");

        browser.signInAs("Sign in as Irvin Sayers, Reports Reader");
        browser.submit("Audit log");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // the entries travel through Kafka: the page shows them a moment later
        await("the unassignments are in the audit log").atMost(AdminClient.EVENTUALLY)
                .pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
            browser.open("/audit-log?from=" + today + "&to=" + today + "&activity=Change+user+license");
            return byChristie().size() >= 2;
        });
        browser.shot("audit-log-filtered");

        assertThat(browser.all("#audit-log tbody tr .activity")).extracting(WebElement::getText)
                .containsOnly("Change user license");
        List<WebElement> unassignments = byChristie();
        assertThat(unassignments).extracting(row -> row.findElement(By.cssSelector(".target")).getText())
                .anySatisfy(target -> assertThat(target).startsWith("Joni Sherman"))
                .anySatisfy(target -> assertThat(target).startsWith("Nestor Wilke"));
        assertThat(unassignments).extracting(row -> row.findElement(By.cssSelector(".changes")).getText())
                .allSatisfy(changes -> assertThat(changes).startsWith("AssignedLicense: [\"[SkuName=SPB")
                        .endsWith("\u2192 []"));
        // the filter's controls say what they are, and keep what was asked
        assertThat(new Select(browser.find("#activity")).getFirstSelectedOption().getText()).isEqualTo("Change user license");
        assertThat(browser.find("label[for='from']").getText()).isEqualTo("From");
        assertThat(browser.find("label[for='to']").getText()).isEqualTo("To");

        new Select(browser.find("#activity")).selectByVisibleText("Hard Delete user");
        browser.submit("Apply");
        assertThat(browser.text("#audit-log tbody")).isEqualTo("No entries.");
    }

    private List<WebElement> byChristie() {
        return browser.all("#audit-log tbody tr").stream()
                .filter(row -> row.findElements(By.cssSelector(".initiated-by")).stream()
                        .anyMatch(cell -> cell.getText().startsWith("Christie Cline")))
                .toList();
    }
}
