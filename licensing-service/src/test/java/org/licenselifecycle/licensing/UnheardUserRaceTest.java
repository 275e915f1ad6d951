package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.licensing.users.DirectoryUnavailable;
import org.licenselifecycle.licensing.users.DirectoryUsers;
import org.licenselifecycle.licensing.users.UnheardUsers;
import org.licenselifecycle.testsupport.Rig;

/**
 * A user created a moment ago reaches licensing twice, at about the same time: directory's answer to a request that
 * named them (UnheardUsers) and their UserCreated from the topic. Neither writer finds the user, both would insert
 * them; the read model lets them take turns on the user's id, so both apply, in either order, and the user is the
 * answer's. And the event may arrive between the request's miss and its question.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UnheardUserRaceTest {

    private static final int USERS = 40;

    @Inject
    DirectoryUsers users;

    @Inject
    UnheardUsers unheard;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The user's event may arrive between the request's miss and the question to directory: the request then runs
     * again and finds them, without asking (directory is away in these tests: asking would be a 503). Found by
     * CreateThenLicenseIT, where 1 of 50 such requests got a 404 before.
     */
    @Test
    @ActivateRequestContext
    void anIdTheReadModelHeardOfMeanwhileMakesTheRequestRunAgainWithoutAskingDirectory() {
        TestTenant tenant = new TestTenant();
        UUID arrivedMeanwhile = tenant.newUser();

        assertThat(unheard.learn(tenant.id, arrivedMeanwhile.toString(), "token")).isTrue();
        assertThatThrownBy(() -> unheard.learn(tenant.id, UUID.randomUUID().toString(), "token"))
                .as("an id never heard of is asked of directory, which is away here")
                .isInstanceOf(DirectoryUnavailable.class);
    }

    @Test
    void aUsersEventAndDirectorysAnswerAboutThemAppliedAtOnceBothSucceedAndTheAnswerStands() throws Exception {
        TestTenant tenant = new TestTenant();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<UserCreated> events = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            UserCreated event = new UserCreated(tenant.id, UUID.randomUUID(), "race" + i + "@contoso.example",
                    "As created", "race" + i, null, true, created);
            events.add(event);
            // what directory answers a moment later: the same user, given a usage location since
            UserUpdated answer = new UserUpdated(tenant.id, event.userId(), event.userPrincipalName(), "As answered",
                    "NL", true, null, created.plusMillis(50));
            List<Callable<Void>> fromTopicAndFromDirectory = List.of(
                    () -> {
                        QuarkusTransaction.requiringNew().run(() -> users.created(event, created.plusMillis(1)));
                        return null;
                    },
                    () -> {
                        QuarkusTransaction.requiringNew().run(() -> users.updated(answer, answer.updatedAt()));
                        return null;
                    });
            Race.run(fromTopicAndFromDirectory);
        }

        for (UserCreated event : events) {
            assertThat(Db.value(dataSource, "SELECT display_name FROM directory_user WHERE user_id = ?", event.userId()))
                    .isEqualTo("As answered");
            assertThat(Db.value(dataSource, "SELECT usage_location FROM directory_user WHERE user_id = ?", event.userId()))
                    .isEqualTo("NL");
            assertThat(((Timestamp) Db.value(dataSource, "SELECT created_at FROM directory_user WHERE user_id = ?",
                    event.userId())).toInstant()).as("the creation time, which only the event brings").isEqualTo(created);
        }
    }
}
