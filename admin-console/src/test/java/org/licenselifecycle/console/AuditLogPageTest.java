package org.licenselifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Audit log page asks directory's Graph audit log with the admin's token, the days and the activity as one
 * {@code $filter}, and writes each entry in words; the menu offers it to the roles that may read it.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class AuditLogPageTest {

    @Test
    void theDaysAndTheActivityBecomeOneGraphFilterAndEachEntryIsWrittenInWords() {
        int before = FakeServices.auditLogQueries.size();
        Response page = SignedIn.as(FakeServices.DIEGO, "GLOBAL_READER").request()
                .get("/audit-log?from=2026-11-23&to=2026-11-24&activity=Change user license");

        assertThat(page.statusCode()).isEqualTo(200);
        String query = URLDecoder.decode(FakeServices.auditLogQueries.get(before), StandardCharsets.UTF_8);
        assertThat(query).contains("$filter=activityDateTime ge 2026-11-23T00:00:00Z and activityDateTime lt "
                + "2026-11-25T00:00:00Z and activityDisplayName eq 'Change user license'").contains("$top=50");
        assertThat(page.asString())
                .contains("<td class=\"activity\">Change user license</td>")
                .contains("Lee Gu (lee.gu@contoso.onmicrosoft.com)")
                .contains("Adele Vance (adele.vance@contoso.onmicrosoft.com)")
                .contains("AssignedLicense: [&quot;SPB&quot;] \u2192 []")
                .contains("23 Nov 2026 09:30 UTC")
                .contains("href=\"/audit-log?from=2026-11-23&amp;to=2026-11-24&amp;activity=Change+user+license&amp;next=page2\"")
                .contains("<a href=\"/audit-log\">Audit log</a>");
    }

    @Test
    void theNextPageAsksForTheSkipTokenAndADayThatIsNoDateIsSaidSoWithoutAsking() {
        SignedIn reader = SignedIn.as(FakeServices.DIEGO, "GLOBAL_READER");
        int before = FakeServices.auditLogQueries.size();
        reader.request().get("/audit-log?next=page2").then().statusCode(200);
        assertThat(FakeServices.auditLogQueries.get(before)).contains("skiptoken=page2").doesNotContain("filter");

        Response refused = reader.request().get("/audit-log?from=yesterday");
        assertThat(refused.asString()).contains("Dates are days such as 2026-11-23.");
        Response backwards = reader.request().get("/audit-log?from=2026-11-24&to=2026-11-23");
        assertThat(backwards.asString()).contains("The first day (2026-11-24) is after the last (2026-11-23).");
        assertThat(FakeServices.auditLogQueries).hasSize(before + 1);
    }

    @Test
    void aLicenseAdministratorIsNotOfferedTheAuditLog() {
        String licenses = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").request().get("/licenses").asString();

        assertThat(licenses).contains("Your products").doesNotContain("/audit-log");
    }
}
