package org.licenselifecycle.support.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The quotas themselves, with an hour-long period so that nothing refills while a test runs (the HTTP behaviour,
 * refill and the Graph SDK's retry are in directory-service's ThrottlingTest).
 */
class ThrottleTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aTenantsWritesStopAtItsQuotaWhileItsReadsAndOtherTenantsGoOn() {
        Throttle throttle = new Throttle(config(3, 100, 100, 100), meters);
        UUID tenant = UUID.randomUUID();
        Optional<String> app = Optional.of("app");

        for (int i = 0; i < 3; i++) {
            throttle.take(tenant, app, true);
        }
        assertThatThrownBy(() -> throttle.take(tenant, app, true)).isInstanceOfSatisfying(Throttled.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("TooManyRequests");
            // one token of three comes back every 20 minutes
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                    .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20)));
            assertThat(e.headers()).containsEntry("x-ms-throttle-scope", "Tenant/Write/app/" + tenant)
                    .containsEntry("x-ms-throttle-information", "WriteLimitExceeded");
        });
        throttle.take(tenant, app, false);
        throttle.take(UUID.randomUUID(), app, true);
        assertThat(meters.counter("throttled.requests", "scope", "Tenant", "limit", "Write").count()).isEqualTo(1);
    }

    @Test
    void anApplicationsWritesStopAtItsQuotaAcrossTenants() {
        Throttle throttle = new Throttle(config(100, 2, 100, 100), meters);
        Optional<String> app = Optional.of("busy-app");

        throttle.take(UUID.randomUUID(), app, true);
        throttle.take(UUID.randomUUID(), app, true);
        UUID third = UUID.randomUUID();

        assertThatThrownBy(() -> throttle.take(third, app, true)).isInstanceOfSatisfying(Throttled.class,
                e -> assertThat(e.headers()).containsEntry("x-ms-throttle-scope", "Application/Write/busy-app/" + third));
        throttle.take(third, Optional.of("another-app"), true);
    }

    @Test
    void aRefusedRequestTakesNothingFromTheOtherQuotas() {
        // every request counts against the tenant's request quota (2); writes also against the application's (1)
        Throttle throttle = new Throttle(config(100, 1, 2, 100), meters);
        UUID tenant = UUID.randomUUID();
        Optional<String> app = Optional.of("app");

        throttle.take(tenant, app, true);
        assertThatThrownBy(() -> throttle.take(tenant, app, true)).isInstanceOf(Throttled.class);
        // the refused write gave back the tenant's write token it had taken first: one request is still left
        throttle.take(tenant, app, false);
        assertThatThrownBy(() -> throttle.take(tenant, app, false)).isInstanceOfSatisfying(Throttled.class,
                e -> assertThat(e.headers()).containsEntry("x-ms-throttle-scope", "Tenant/ReadWrite/app/" + tenant)
                        .containsEntry("x-ms-throttle-information", "ResourceUnitLimitExceeded"));
    }

    @Test
    void whenOffNothingIsThrottled() {
        Throttle throttle = new Throttle(new Config(false, 1, 1, 1, 1), meters);
        UUID tenant = UUID.randomUUID();

        for (int i = 0; i < 10; i++) {
            throttle.take(tenant, Optional.empty(), true);
        }
    }

    @Test
    void aQuotaNoBucketCanHoldStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> new Throttle(config(0, 1, 1, 1), meters))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new Throttle(config(1, 1, Long.MAX_VALUE, 1), meters))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("enabled=false");
    }

    private static ThrottlingConfig config(long writesPerTenant, long writesPerApplication, long requestsPerTenant,
            long requestsPerApplication) {
        return new Config(true, writesPerTenant, writesPerApplication, requestsPerTenant, requestsPerApplication);
    }

    private record Config(boolean enabled, long writesPerTenant, long writesPerApplication, long requestsPerTenant,
            long requestsPerApplication) implements ThrottlingConfig {

        @Override
        public Duration period() {
            return Duration.ofHours(1);
        }

        @Override
        public long maxBuckets() {
            return 1000;
        }
    }
}
