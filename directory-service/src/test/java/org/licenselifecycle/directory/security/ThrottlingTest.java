package org.licenselifecycle.directory.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.uniqueAlias;
import static org.licenselifecycle.directory.UserFixtures.usersIn;

import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Graph's throttling, with quotas small enough to reach: 4 writes per tenant and 8 per application per 20 seconds
 * (one token back every 5 and 2.5 seconds). A throttled write is Graph's 429 with {@code Retry-After} and changes
 * nothing; reads have their own quota; Microsoft's Graph Java SDK waits and retries on its own.
 */
@QuarkusTest
@TestProfile(ThrottlingTest.SmallQuotas.class)
@WithTestResource(Rig.class)
class ThrottlingTest {

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("license-lifecycle.throttling.period", "PT20S",
                    "license-lifecycle.throttling.writes-per-tenant", "4",
                    "license-lifecycle.throttling.writes-per-application", "8",
                    "license-lifecycle.throttling.requests-per-tenant", "1000",
                    "license-lifecycle.throttling.requests-per-application", "1000");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @Test
    void writesPastATenantsQuotaAre429WithRetryAfterAndChangeNothingWhileReadsGoOn() {
        UUID tenant = UUID.randomUUID();
        String admin = DevTokens.delegated(tenant, UUID.randomUUID().toString(), DevTokens.ADMIN_CENTER_SCOPES,
                DirectoryRole.USER_ADMINISTRATOR);

        Burst burst = createUntilThrottled(tenant, admin, 20);
        Response throttled = burst.throttled();

        throttled.then().statusCode(429)
                .header("x-ms-throttle-information", "WriteLimitExceeded")
                .body("error.code", equalTo("TooManyRequests"))
                .body("error.innerError.request-id", notNullValue());
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 5);
        assertThat(throttled.header("x-ms-throttle-scope")).startsWith("Tenant/Write/").endsWith(tenant.toString());
        assertThat(burst.created()).as("the tenant's quota, and what refilled meanwhile").isBetween(4, 19);
        assertThat(usersIn(entityManager, tenant)).as("the throttled write created nobody").isEqualTo(burst.created());
        given().auth().oauth2(admin).get("/v1.0/users").then().statusCode(200);
        // another tenant's quota is its own, even for the same kind of caller
        UUID other = UUID.randomUUID();
        create(other, DevTokens.delegated(other, UUID.randomUUID().toString(), DevTokens.ADMIN_CENTER_SCOPES,
                DirectoryRole.USER_ADMINISTRATOR)).then().statusCode(201);
    }

    @Test
    void anApplicationsWritesAcrossTenantsStopAtItsOwnQuota() {
        String application = UUID.randomUUID().toString();
        Response throttled = null;
        for (int i = 0; i < 30 && throttled == null; i++) {
            // one write in each tenant: no tenant's quota is ever reached, only the application's
            UUID tenant = UUID.randomUUID();
            Response response = create(tenant, DevTokens.app(tenant, application, List.of("User.ReadWrite.All")));
            if (response.statusCode() == 429) {
                throttled = response;
            } else {
                response.then().statusCode(201);
            }
        }

        assertThat(throttled).as("an application past its quota is throttled").isNotNull();
        assertThat(throttled.header("x-ms-throttle-scope")).startsWith("Application/Write/" + application + "/");
        UUID tenant = UUID.randomUUID();
        create(tenant, DevTokens.app(tenant, UUID.randomUUID().toString(), List.of("User.ReadWrite.All")))
                .then().statusCode(201);
    }

    /**
     * The SDK's first try must meet an empty quota, which refills one write every 5 seconds: on a loaded machine the
     * SDK's write can come after a refill, and is then not throttled at all. Such a try proves nothing, so the quota
     * is drained and the SDK asked again until its first try was throttled; what is asserted of that call is as before.
     */
    @Test
    void theGraphSdkWaitsRetryAfterAndItsThrottledCallSucceeds() {
        UUID tenant = UUID.randomUUID();
        String application = UUID.randomUUID().toString();
        String token = DevTokens.app(tenant, application, List.of("User.ReadWrite.All"));
        GraphServiceClient graph = GraphClients.withToken(token);
        // the SDK's classes loaded and its connection open before the quota is drained (a read: its own quota)
        graph.users().get();
        AtomicReference<User> created = new AtomicReference<>();

        await().alias("the SDK's first try was throttled, then it retried").atMost(Duration.ofMinutes(3))
                .pollDelay(Duration.ZERO).until(() -> {
                    createUntilThrottled(tenant, token, 20);
                    double throttledBefore = throttledWrites();
                    // an error of the SDK (its retries spent) is thrown out of the wait: the test fails at once
                    created.set(graph.users().post(newUser(uniqueAlias("patient"))));
                    return throttledWrites() - throttledBefore >= 1;
                });

        assertThat(created.get().getId()).isNotNull();
        given().auth().oauth2(token).get("/v1.0/users/{id}", created.get().getId()).then().statusCode(200);
    }

    /** Writes that passed before one was throttled, and that one. */
    record Burst(int created, Response throttled) {
    }

    private Burst createUntilThrottled(UUID tenant, String token, int atMost) {
        for (int i = 0; i < atMost; i++) {
            Response response = create(tenant, token);
            if (response.statusCode() == 429) {
                return new Burst(i, response);
            }
            response.then().statusCode(201);
        }
        throw new AssertionError("no write of " + atMost + " was throttled");
    }

    private static Response create(UUID tenant, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(uniqueAlias("burst")))
                .post("/v1.0/users");
    }

    private double throttledWrites() {
        return meters.find("throttled.requests").tag("limit", "Write").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static User newUser(String alias) {
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName("Patient " + alias);
        user.setMailNickname(alias);
        user.setUserPrincipalName(alias + "@contoso.com");
        PasswordProfile password = new PasswordProfile();
        password.setPassword("xWwvJ]6NMw+bWH-d");
        password.setForceChangePasswordNextSignIn(true);
        user.setPasswordProfile(password);
        return user;
    }
}
