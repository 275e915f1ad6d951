package org.licenselifecycle.directory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.graph.GraphException;

/** What on-premises AD owns of a synced user: everything a PATCH can set but usageLocation. */
class OnPremisesMasteredTest {

    @Test
    void onlyTheUsageLocationIsTheClouds() {
        assertThat(OnPremisesMastered.setsAnAttributeAdOwns(change(5, Optional.of("FR")))).isFalse();
        assertThat(OnPremisesMastered.setsAnAttributeAdOwns(change(5, Optional.empty()))).isFalse();
        for (int property = 0; property < 10; property++) {
            if (property != 5) {
                assertThat(OnPremisesMastered.setsAnAttributeAdOwns(change(property, Optional.empty())))
                        .as("property %d of UserChanges", property).isTrue();
            }
        }
    }

    @Test
    void aSyncedUserRefusesWhatAdOwnsAndACloudUserNothing() {
        User synced = new User();
        synced.onPremisesSyncEnabled = true;
        User cloud = new User();

        assertThatThrownBy(() -> OnPremisesMastered.refuseCloudChange(synced, UserChanges.accountEnabled(false)))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(OnPremisesMastered.MESSAGE);
                });
        assertThatThrownBy(() -> OnPremisesMastered.refuseCloudChange(synced)).isInstanceOf(GraphException.class);
        assertThatCode(() -> OnPremisesMastered.refuseCloudChange(synced, change(5, Optional.of("DE"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> OnPremisesMastered.refuseCloudChange(cloud, UserChanges.accountEnabled(false)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OnPremisesMastered.refuseCloudChange(cloud)).doesNotThrowAnyException();
    }

    /** A change of the {@code index}-th property of UserChanges alone. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static UserChanges change(int index, Optional value) {
        Object[] properties = new Object[10];
        properties[index] = value;
        List<Object> arguments = java.util.Arrays.asList(properties);
        return new UserChanges((Optional<String>) arguments.get(0), (Optional<String>) arguments.get(1),
                (Optional<String>) arguments.get(2), (Optional<String>) arguments.get(3),
                (Optional<String>) arguments.get(4), (Optional<String>) arguments.get(5),
                (Optional<Boolean>) arguments.get(6), (Optional<String>) arguments.get(7),
                (Optional<String>) arguments.get(8), (Optional<NewUser.PasswordProfile>) arguments.get(9));
    }
}
