package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.licenselifecycle.events.GroupMembershipChanged;

/**
 * Group-based licensing as tests drive it: memberships published as directory-service's GroupMembershipChanged (Kafka,
 * keyed by the user), awaited until licensing applied them; the group's products through Graph's group assignLicense.
 */
public final class Groups {

    private static Instant last = Instant.EPOCH;

    private Groups() {
    }

    /** The users join the group (named {@code name}); returns once licensing applied each membership. */
    public static void join(TestTenant tenant, UUID group, String name, UUID... users) {
        membership(tenant, group, name, true, users);
    }

    /** The users leave the group; returns once licensing applied it. */
    public static void leave(TestTenant tenant, UUID group, String name, UUID... users) {
        membership(tenant, group, name, false, users);
    }

    /** Publishes the memberships without waiting for them. */
    public static void publish(TestTenant tenant, UUID group, String name, boolean member, UUID... users) {
        for (UUID user : users) {
            UserEvents.publish(UUID.randomUUID(), user,
                    new GroupMembershipChanged(tenant.id, user, group, name, member, tenant.adminOid, next()));
        }
    }

    private static void membership(TestTenant tenant, UUID group, String name, boolean member, UUID... users) {
        publish(tenant, group, name, member, users);
        for (UUID user : users) {
            UserEvents.publishMarkerAfter(tenant, user);
        }
    }

    /** Graph's {@code POST /groups/{id}/assignLicense} by the tenant's License Administrator. */
    public static Response assignLicense(TestTenant tenant, UUID group, String body) {
        return given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(body)
                .post("/v1.0/groups/{id}/assignLicense", group);
    }

    /** The group gives the product to its members (202 Accepted expected). */
    public static void give(TestTenant tenant, UUID group, UUID skuId) {
        assignLicense(tenant, group, TestTenant.add(skuId)).then().statusCode(202);
    }

    /** The group no longer gives the product (202 Accepted expected). */
    public static void withdraw(TestTenant tenant, UUID group, UUID skuId) {
        assignLicense(tenant, group, TestTenant.remove(skuId)).then().statusCode(202);
    }

    /** A group licensing has heard of, with members, that gives the product: the shortest way to inherit it. */
    public static UUID giving(TestTenant tenant, String name, UUID skuId, UUID... members) {
        UUID group = UUID.randomUUID();
        join(tenant, group, name, members);
        give(tenant, group, skuId);
        return group;
    }

    /** A new group of which {@code member} becomes a member, giving the product with these plans turned off. */
    public static UUID givingWithout(TestTenant tenant, String name, UUID skuId, UUID member, UUID... disabledPlans) {
        UUID group = UUID.randomUUID();
        join(tenant, group, name, member);
        assignLicense(tenant, group, TestTenant.add(skuId, disabledPlans)).then().statusCode(202);
        return group;
    }

    /** Strictly increasing times, so that a later membership of the same pair wins. */
    private static synchronized Instant next() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        return last;
    }
}
