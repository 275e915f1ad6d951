package org.licenselifecycle.lifecycle.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deletes one mailbox's content for good, keeping the items under a retention label for discovery. */
@ApplicationScoped
public class MailboxContent {

    private final EntityManager em;

    MailboxContent(EntityManager em) {
        this.em = em;
    }

    /** What a purge did to one mailbox's items. */
    public record Purged(int deleted, int retained, List<String> labels) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Purged purge(UUID userId, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> labels = em.createNativeQuery("SELECT DISTINCT retention_label FROM mailbox_item "
                        + "WHERE user_id = ?1 AND retention_label IS NOT NULL AND retained_at IS NULL ORDER BY 1")
                .setParameter(1, userId).getResultList();
        int retained = em.createNativeQuery("UPDATE mailbox_item SET retained_at = ?2 "
                        + "WHERE user_id = ?1 AND retention_label IS NOT NULL AND retained_at IS NULL")
                .setParameter(1, userId).setParameter(2, now).executeUpdate();
        int deleted = em.createNativeQuery("DELETE FROM mailbox_item WHERE user_id = ?1 AND retention_label IS NULL")
                .setParameter(1, userId).executeUpdate();
        return new Purged(deleted, retained, labels);
    }
}
