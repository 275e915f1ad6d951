package org.licenselifecycle.lifecycle.ediscovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.licenselifecycle.lifecycle.ediscovery.ContentSearchResult.Hit;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;
import org.licenselifecycle.support.graph.GraphException;

/**
 * Content Search over one tenant's mailboxes. It finds items only where eDiscovery may look: mailboxes that
 * are searchable (active, held, inactive) and the items kept under a retention label after their mailbox
 * was purged. A disconnected mailbox is never searched ("When the license is removed, the user's mailbox is
 * no longer searchable"). The tenant comes from the caller's token alone, so another tenant's data cannot
 * be reached.
 */
@ApplicationScoped
public class ContentSearchService {

    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_HITS = 1000;

    private final EntityManager em;
    private final Clock clock;

    ContentSearchService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContentSearchResult search(UUID tenantId, ContentSearchRequest request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw GraphException.badRequest("A search needs a query.");
        }
        if (request.query().length() > MAX_QUERY_LENGTH) {
            throw GraphException.badRequest("A query has at most " + MAX_QUERY_LENGTH + " characters.");
        }
        List<String> words = Arrays.stream(request.query().toLowerCase(Locale.ROOT).trim().split("\\s+")).toList();
        StringBuilder jpql = new StringBuilder("""
                select i.id, m.userId, m.userPrincipalName, m.state, i.subject, i.body, i.receivedAt, i.retentionLabel,
                       i.retainedAt
                from MailboxItem i, Mailbox m
                where m.userId = i.userId and i.tenantId = :tenant and m.tenantId = :tenant
                  and (i.retainedAt is not null or m.searchable = true)
                """);
        for (int w = 0; w < words.size(); w++) {
            jpql.append(" and (locate(:w").append(w).append(", lower(i.subject)) > 0 or locate(:w").append(w)
                    .append(", lower(i.body)) > 0)");
        }
        jpql.append(" order by i.receivedAt desc, i.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("tenant", tenantId);
        for (int w = 0; w < words.size(); w++) {
            query.setParameter("w" + w, words.get(w));
        }
        List<Hit> hits = query.setMaxResults(MAX_HITS).getResultList().stream()
                .map(row -> new Hit((UUID) row[0], (UUID) row[1], (String) row[2],
                        (MailboxState) row[3], (String) row[4], (String) row[5],
                        (Instant) row[6], (String) row[7], row[8] != null))
                .toList();
        return new ContentSearchResult(request.query(), clock.instant(), hits.size(), hits);
    }
}
