package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * Bulk changes (the Licenses page's unassign, Active users' unassign all, a group's licenses) racing
 * single-user assignLicense calls on the same users, round after round: every call answers 200 (202 for the group's
 * assignLicense, as Graph does) or a 400
 * that says why (never a 5xx such as a lost deadlock), and the seat counts stay exactly the licenses held.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class BulkChangeRaceTest {

    private static final int ROUNDS = 30;
    private static final int USERS = 40;
    /** Single-user calls on users the Licenses page unassigns, and on users the group licenses. */
    private static final int[] SINGLES = {3, 11, 17, 23, 31, 38};
    /** One user of each bulk call, unassigned all by Active users at the same time. */
    private static final int[] ALL_OF = {5, 25};

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bulkAndSingleUserChangesOnTheSameUsersNeverAnswer5xxAndKeepSeatsExact() throws Exception {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, USERS);
        tenant.buy(OFFICE_365_E3, USERS);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(tenant.newUser());
        }
        UUID group = UUID.randomUUID();
        Groups.join(tenant, group, "Field staff", users.subList(20, 40).toArray(UUID[]::new));
        List<String> failures = new ArrayList<>();
        int answered = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            everyoneHoldsOnlyBusinessPremium(tenant, group, users);
            List<Response> responses = Race.run(calls(tenant, group, users));
            answered += responses.size();
            for (Response response : responses) {
                int status = response.statusCode();
                if (status != 200 && status != 202 && status != 400) {
                    failures.add("round " + round + ": " + status + " " + response.asString());
                }
            }
            assertSeatsExact(tenant.id, round);
        }
        assertThat(answered).isEqualTo(ROUNDS * (3 + SINGLES.length));
        assertThat(failures).isEmpty();
    }

    /** The calls of one round, all started at once. */
    private static List<Callable<Response>> calls(TestTenant tenant, UUID group, List<UUID> users) {
        List<Callable<Response>> calls = new ArrayList<>();
        calls.add(() -> given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON)
                .body(Map.of("userIds", users.subList(0, 20)))
                .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM));
        // the group of users 20 to 39 starts giving Office 365 E3: each member inherits it, or keeps the one they hold
        calls.add(() -> Groups.assignLicense(tenant, group, TestTenant.add(OFFICE_365_E3)));
        calls.add(() -> given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON)
                .body(Map.of("userIds", IntStream.of(ALL_OF).mapToObj(users::get).toList()))
                .post("/api/v1/users/unassignAll"));
        for (int single : SINGLES) {
            calls.add(() -> tenant.assignLicense(users.get(single), "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3
                    + "\"}],\"removeLicenses\":[\"" + BUSINESS_PREMIUM + "\"]}"));
        }
        return calls;
    }

    /** Seats taken = licenses held, per product, and never more than bought. */
    private void assertSeatsExact(UUID tenantId, int round) {
        for (UUID product : List.of(BUSINESS_PREMIUM, OFFICE_365_E3)) {
            long assigned = Db.count(dataSource, "SELECT assigned FROM seat_use WHERE tenant_id = ? AND sku_id = ?",
                    tenantId, product);
            long held = Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?",
                    tenantId, product);
            assertThat(assigned).as("round %d: seats of %s taken vs licenses held", round, product).isEqualTo(held);
            assertThat(held).as("round %d: licenses of %s held vs bought", round, product).isLessThanOrEqualTo(USERS);
        }
    }

    /** Puts every user back to Business Premium alone, through the same APIs, for the next round. */
    private void everyoneHoldsOnlyBusinessPremium(TestTenant tenant, UUID group, List<UUID> users) {
        // the group stops giving Office 365 E3 (a 400 when it gave none): members keep only what they hold directly
        assertThat(Groups.assignLicense(tenant, group, TestTenant.remove(OFFICE_365_E3)).statusCode()).isIn(202, 400);
        Map<UUID, Map<UUID, UUID>> held = held(tenant.id);
        for (UUID user : users) {
            Map<UUID, UUID> licenses = held.getOrDefault(user, Map.of());
            boolean direct = user.equals(licenses.get(OFFICE_365_E3));
            boolean premium = licenses.containsKey(BUSINESS_PREMIUM);
            if (direct || !premium) {
                String adds = premium ? "[]" : "[{\"skuId\":\"" + BUSINESS_PREMIUM + "\"}]";
                String removes = direct ? "[\"" + OFFICE_365_E3 + "\"]" : "[]";
                tenant.assignLicense(user, "{\"addLicenses\":" + adds + ",\"removeLicenses\":" + removes + "}")
                        .then().statusCode(200);
            }
        }
    }

    /** Per user, the products held and where from: the user's own id when assigned directly, null when only inherited. */
    private Map<UUID, Map<UUID, UUID>> held(UUID tenantId) {
        Map<UUID, Map<UUID, UUID>> held = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT user_id, sku_id, CASE WHEN direct THEN user_id END FROM license_assignment WHERE tenant_id = ?")) {
            s.setObject(1, tenantId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    held.computeIfAbsent(rows.getObject(1, UUID.class), u -> new HashMap<>())
                            .put(rows.getObject(2, UUID.class), rows.getObject(3, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return held;
    }
}
