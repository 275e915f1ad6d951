package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * {@link MailboxRows} maps the {@code mailbox} table in plain SQL beside the entity {@link Mailbox}: it reads every
 * column Hibernate maps, and a mailbox it reads equals the one Hibernate reads in every mapped attribute, so a column
 * added to the entity fails here until {@code MailboxRows} reads it too.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class MailboxRowsMappingTest {

    @Inject
    EntityManagerFactory factory;

    @Inject
    MailboxRows rows;

    @Test
    void mailboxRowsReadsEveryColumnTheEntityMaps() {
        List<String> mapped = new ArrayList<>();
        ModelPart id = persister().getIdentifierMapping();
        id.forEachSelectable((i, column) -> mapped.add(column.getContainingTableExpression() + "." + column.getSelectionExpression()));
        persister().forEachAttributeMapping(attribute -> {
            ModelPart part = attribute instanceof PluralAttributeMapping plural ? plural.getElementDescriptor() : attribute;
            part.forEachSelectable((i, column) -> mapped.add(column.getContainingTableExpression() + "." + column.getSelectionExpression()));
        });

        assertThat(MailboxRows.COLUMNS).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void aMailboxReadByMailboxRowsEqualsTheOneHibernateReadsInEveryMappedAttribute() throws ReflectiveOperationException {
        UUID user = UUID.randomUUID();
        Instant at = Instant.parse("2026-04-01T09:00:00.123456Z");
        QuarkusTransaction.requiringNew().run(() -> {
            Mailbox mailbox = Mailbox.provision(UUID.randomUUID(), user, "mapped@rows.example", ExchangePlan.EXCHANGE_ONLINE_PLAN_2,
                    at, at.plusSeconds(1));
            // every mapped attribute set, none at its default (the test below insists)
            mailbox.state = MailboxState.DISCONNECTED;
            mailbox.searchable = true;
            mailbox.licensed = true;
            mailbox.reconnectedAt = at.plusSeconds(2);
            mailbox.removedAt = at.plusSeconds(3);
            mailbox.removedBy = UUID.randomUUID();
            mailbox.heldUntil = at.plusSeconds(4);
            mailbox.userDeletedAt = at.plusSeconds(5);
            mailbox.purgedAt = at.plusSeconds(6);
            mailbox.purgeAfter = at.plusSeconds(7);
            mailbox.holds.add(HoldKind.LITIGATION_HOLD);
            mailbox.licensedBy(UUID.randomUUID());
            mailbox.persist();
        });
        QuarkusTransaction.requiringNew().run(() -> Mailbox.<Mailbox>findById(user).userPrincipalName = "renamed@rows.example");

        Mailbox byHibernate = QuarkusTransaction.requiringNew().call(() -> Mailbox.<Mailbox>findById(user));
        Mailbox byRows = QuarkusTransaction.requiringNew().call(() -> rows.lockedOfUsers(List.of(user)).get(user));

        List<String> attributes = new ArrayList<>(List.of(persister().getIdentifierPropertyName()));
        persister().forEachAttributeMapping(attribute -> attributes.add(attribute.getAttributeName()));
        for (String attribute : attributes) {
            Field field = Mailbox.class.getDeclaredField(attribute); // Panache hides the public fields behind accessors
            field.setAccessible(true);
            Object expected = field.get(byHibernate);
            assertThat(expected).as(attribute + ": the test's mailbox sets every mapped attribute").isNotNull()
                    .isNotEqualTo(false).isNotEqualTo(0L).isNotEqualTo(java.util.Set.of());
            assertThat(field.get(byRows)).as(attribute).isEqualTo(expected);
        }
    }

    private EntityPersister persister() {
        return factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(Mailbox.class);
    }
}
