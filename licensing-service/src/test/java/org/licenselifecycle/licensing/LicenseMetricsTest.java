package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.PrometheusText;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.Rig;

/**
 * licensing-service's metrics on {@code /q/metrics}: assigns and unassigns counted by result, and the seats available
 * per product (tagged by its skuPartNumber, never by tenant or user).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseMetricsTest {

    @Inject
    Sql sql;

    private static final String ASSIGN = "operation=\"assign\"";
    private static final String UNASSIGN = "operation=\"unassign\"";
    private static final String SUCCESS = "result=\"success\"";
    private static final String REFUSED = "result=\"refused\"";
    private static final String SPB = "sku=\"SPB\"";

    @Test
    void anAssignAndAnUnassignCountAsSuccessesAndARefusalAsRefused() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        UUID first = tenant.newUser();
        UUID second = tenant.newUser();
        double assigned = scraped("license_changes_total", ASSIGN, SUCCESS);
        double unassigned = scraped("license_changes_total", UNASSIGN, SUCCESS);
        double refused = scraped("license_changes_total", ASSIGN, REFUSED);

        tenant.assignLicense(first, add(BUSINESS_PREMIUM)).then().statusCode(200);
        assertThat(scraped("license_changes_total", ASSIGN, SUCCESS)).isEqualTo(assigned + 1);

        tenant.assignLicense(second, add(BUSINESS_PREMIUM)).then().statusCode(400); // no seat left
        assertThat(scraped("license_changes_total", ASSIGN, REFUSED)).isEqualTo(refused + 1);
        assertThat(scraped("license_changes_total", ASSIGN, SUCCESS)).as("a refusal is no success").isEqualTo(assigned + 1);

        tenant.assignLicense(first, remove(BUSINESS_PREMIUM)).then().statusCode(200);
        assertThat(scraped("license_changes_total", UNASSIGN, SUCCESS)).isEqualTo(unassigned + 1);
        assertThat(given().get("/q/metrics").then().extract().asString()).as("no tenant or user in a label")
                .doesNotContain(tenant.id.toString()).doesNotContain(first.toString());
    }

    @Test
    void theSeatsAvailableOfAProductFollowPurchasesAndAssignments() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 3);
        double free = QuarkusTransaction.requiringNew().call(() -> sql.first(
                "SELECT sum(total - assigned) FROM seat_use WHERE sku_id = ?", row -> row.getDouble(1), BUSINESS_PREMIUM))
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scraped("seats_available", SPB)).as("every tenant's free seats of SPB").isEqualTo(free));

        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scraped("seats_available", SPB)).isEqualTo(free - 1));
    }

    private static double scraped(String name, String... labels) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
