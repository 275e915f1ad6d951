package org.licenselifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.UserLifecycle.Change;
import org.licenselifecycle.events.UserLifecycle.Known;

class UserLifecycleChangeTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);

    @Test
    void anEventOlderThanWhatWasAppliedChangesNothing() {
        assertThat(UserLifecycle.change(new Known(T2, null), T1, T1)).isEqualTo(new Change(true, false, false));
        assertThat(UserLifecycle.change(new Known(T2, T2), T1, null)).isEqualTo(new Change(true, false, false));
    }

    @Test
    void aDeletionOfAnActiveOrUnknownUserDeletesIt() {
        assertThat(UserLifecycle.change(new Known(T1, null), T2, T2)).isEqualTo(new Change(false, false, true));
        assertThat(UserLifecycle.change(Known.NOTHING, T2, T2)).isEqualTo(new Change(false, false, true));
    }

    @Test
    void anActiveUserSaidActiveAgainChangesNoLifecycle() {
        assertThat(UserLifecycle.change(new Known(T1, null), T2, null)).isEqualTo(new Change(false, false, false));
        assertThat(UserLifecycle.change(Known.NOTHING, T1, null)).isEqualTo(new Change(false, false, false));
    }

    @Test
    void aDeletedUserSaidActiveIsRestoredEvenWhenTheRestoreItselfIsStillOnItsWay() {
        assertThat(UserLifecycle.change(new Known(T1, T1), T2, null)).isEqualTo(new Change(false, true, false));
    }

    @Test
    void theSameDeletionHeardAgainChangesNothingButAnotherOneMeansARestoreInBetween() {
        assertThat(UserLifecycle.change(new Known(T1, T1), T2, T1)).isEqualTo(new Change(false, false, false));
        assertThat(UserLifecycle.change(new Known(T1, T1), T3, T3)).isEqualTo(new Change(false, true, true));
    }

    @Test
    void anEventAsOldAsTheLatestIsAppliedInTheOrderItArrives() {
        assertThat(UserLifecycle.change(new Known(T2, null), T2, T2)).isEqualTo(new Change(false, false, true));
    }
}
