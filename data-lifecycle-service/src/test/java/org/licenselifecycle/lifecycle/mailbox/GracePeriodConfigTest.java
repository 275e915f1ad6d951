package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grace period is read from lifecycle.mailbox.grace-period, 30 days when not set. */
class GracePeriodConfigTest {

    private static GracePeriodConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GracePeriodConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(GracePeriodConfig.class);
    }

    @Test
    void withoutConfigurationTheGracePeriodIsThirtyDays() {
        assertThat(read(Map.of()).gracePeriod()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theGracePeriodCanBeShortenedWithAnIso8601Duration() {
        assertThat(read(Map.of("lifecycle.mailbox.grace-period", "PT2H")).gracePeriod()).isEqualTo(Duration.ofHours(2));
        assertThat(read(Map.of("lifecycle.mailbox.grace-period", "P7D")).gracePeriod()).isEqualTo(Duration.ofDays(7));
    }
}
