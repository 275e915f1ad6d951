package org.licenselifecycle.console.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console refuses a selection larger than licensing's limit before it asks for any change. */
class SelectionLimitTest {

    private final SelectionLimit twenty = new SelectionLimit(20);

    @Test
    void upToTheLimitIsTakenAndOneMoreIsRefused() {
        assertThat(twenty.admits(users(1))).isTrue();
        assertThat(twenty.admits(users(20))).isTrue();
        assertThat(twenty.exceededBy(users(20))).isFalse();
        assertThat(twenty.admits(users(21))).isFalse();
        assertThat(twenty.exceededBy(users(21))).isTrue();
    }

    @Test
    void noSelectionIsNotAdmittedButExceedsNothing() {
        assertThat(twenty.admits(List.of())).isFalse();
        assertThat(twenty.admits(null)).isFalse();
        assertThat(twenty.exceededBy(null)).isFalse();
        assertThat(twenty.exceededBy(List.of())).isFalse();
    }

    @Test
    void theLimitIsWhateverLicensingSays() {
        assertThat(new SelectionLimit(100).admits(users(100))).isTrue();
        assertThat(new SelectionLimit(100).exceededBy(users(101))).isTrue();
    }

    private static List<String> users(int count) {
        return Collections.nCopies(count, "aaaaaaaa-0000-4000-8000-000000000001");
    }
}
