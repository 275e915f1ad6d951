package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * {@link MailboxRows#lockedOfUsers}, which a batch of license removals reads its mailboxes with: each user's mailbox with
 * its holds and products, in id order, locked until the transaction ends (as {@link Mailbox#lockedOfUser} locks one).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class MailboxesLockedTogetherTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MailboxRows rows;

    @Test
    void theUsersMailboxesAreReadWithTheirHoldsAndProductsInIdOrderAndLockedUntilTheTransactionEnds() {
        UUID tenant = UUID.randomUUID();
        UUID first = new UUID(1, System.nanoTime());
        UUID second = new UUID(2, System.nanoTime());
        UUID withoutMailbox = UUID.randomUUID();
        UUID premium = UUID.randomUUID();
        UUID e3 = UUID.randomUUID();
        Instant at = Instant.parse("2026-04-01T09:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            Mailbox held = Mailbox.provision(tenant, first, "first@locked.example", ExchangePlan.EXCHANGE_ONLINE_PLAN_2, at, at);
            held.licensedBy(premium);
            held.licensedBy(e3);
            held.holds.add(HoldKind.LITIGATION_HOLD);
            held.persist();
            Mailbox plain = Mailbox.provision(tenant, second, "second@locked.example", ExchangePlan.EXCHANGE_ONLINE_PLAN_1, at, at);
            plain.licensedBy(premium);
            plain.persist();
        });
        List<String> seenFromOutside = new ArrayList<>();

        List<String> read = QuarkusTransaction.requiringNew().call(() -> {
            List<Mailbox> locked = List.copyOf(rows.lockedOfUsers(List.of(second, withoutMailbox, first)).values());
            seenFromOutside.add(lockOf(first));
            seenFromOutside.add(lockOf(second));
            return locked.stream().map(m -> m.userPrincipalName + " holds=" + m.holds + " products=" + m.licensedBy.size()
                    + (m.licensedBy.contains(premium) ? " with premium" : "")).toList();
        });

        assertThat(read).containsExactly("first@locked.example holds=[LITIGATION_HOLD] products=2 with premium",
                "second@locked.example holds=[] products=1 with premium");
        assertThat(seenFromOutside).as("while the transaction runs").containsExactly("locked", "locked");
        assertThat(lockOf(first)).as("after it").isEqualTo("free");
    }

    /** Whether another transaction could take the mailbox's lock now ({@code NOWAIT}: refused at once when held). */
    private String lockOf(UUID user) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement lock = connection.prepareStatement(
                            "SELECT 1 FROM mailbox WHERE user_id = ? FOR NO KEY UPDATE NOWAIT")) {
                lock.setObject(1, user);
                lock.executeQuery().close();
                return "free";
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return "locked";
                }
                throw new IllegalStateException(e);
            }
        }).join();
    }
}
