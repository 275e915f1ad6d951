package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.licensing.users.DirectoryAnswers;
import org.licenselifecycle.licensing.users.DirectoryUnavailable;
import org.licenselifecycle.testsupport.Rig;

/**
 * licensing asks directory about a user and about a group it has not heard of one way ({@link DirectoryAnswers}):
 * directory is away in these tests, so both questions are the same 503 with Retry-After, naming what was asked about.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class DirectoryAnswersTest {

    @Inject
    DirectoryAnswers directory;

    @Test
    void aUserAndAGroupAskedWhileDirectoryIsAwayAreTheSame503WithRetryAfter() {
        UUID group = UUID.randomUUID();

        assertThatThrownBy(() -> directory.user("nobody@contoso.example", "token", answer -> answer))
                .isInstanceOfSatisfying(DirectoryUnavailable.class, unavailable -> {
                    assertThat(unavailable.status()).isEqualTo(503);
                    assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(2));
                })
                .hasMessageContaining("user 'nobody@contoso.example', whom the license service has not heard of yet");
        assertThatThrownBy(() -> directory.group(group, "token", answer -> answer))
                .isInstanceOfSatisfying(DirectoryUnavailable.class, unavailable -> {
                    assertThat(unavailable.status()).isEqualTo(503);
                    assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(2));
                })
                .hasMessageContaining("group '" + group + "', which the license service has not heard of yet");
    }

    @Test
    void withoutACallersTokenDirectoryIsNotAskedAndNothingIsKnown() {
        assertThat(directory.user("nobody@contoso.example", null, answer -> answer)).isEmpty();
        assertThat(directory.group(UUID.randomUUID(), null, answer -> answer)).isEmpty();
    }
}
