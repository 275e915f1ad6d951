package org.licenselifecycle.lifecycle.ediscovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.licenselifecycle.lifecycle.ediscovery.ContentSearchResult.Hit;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.sql.SqlFailures;

/**
 * Content Search over one tenant's mailboxes. It finds items only where eDiscovery may look: mailboxes that
 * are searchable (active, held, inactive) and the items kept under a retention label after their mailbox
 * was purged. A disconnected mailbox is never searched ("When the license is removed, the user's mailbox is
 * no longer searchable"). The tenant comes from the caller's token alone, so another tenant's data cannot
 * be reached. What one search costs is bounded ({@link ContentSearchLimits}): words and length of the query,
 * hits per page, and the database's time for a page.
 */
@ApplicationScoped
public class ContentSearchService {

    private final EntityManager em;
    private final ContentSearchLimits limits;
    private final Clock clock;

    ContentSearchService(EntityManager em, ContentSearchLimits limits, Clock clock) {
        this.em = em;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    public ContentSearchResult search(UUID tenantId, ContentSearchRequest request) {
        return search(tenantId, request, limits.statementTimeout());
    }

    /** @param timeout how long the database may run the page's query */
    @Transactional
    ContentSearchResult search(UUID tenantId, ContentSearchRequest request, Duration timeout) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw GraphException.badRequest("A search needs a query.");
        }
        if (request.query().length() > limits.maxQueryLength()) {
            throw GraphException.badRequest("A query has at most " + limits.maxQueryLength() + " characters.");
        }
        List<String> words = Arrays.stream(request.query().toLowerCase(Locale.ROOT).trim().split("\\s+")).toList();
        if (words.size() > limits.maxWords()) {
            throw GraphException.badRequest("A query has at most " + limits.maxWords() + " words.");
        }
        int top = request.top() == null ? limits.defaultPageSize() : request.top();
        if (top < 1 || top > limits.maxPageSize()) {
            throw GraphException.badRequest("top must be a number between 1 and " + limits.maxPageSize() + ".");
        }
        SkipToken after = request.skipToken() == null ? null : SkipToken.decode(request.skipToken());
        // for this transaction only: the database stops the search rather than run on
        em.createNativeQuery("SELECT set_config('statement_timeout', ?1, true)")
                .setParameter(1, Math.max(1, timeout.toMillis()) + "ms").getSingleResult();
        List<Hit> found = run(tenantId, words, after, top + 1);
        List<Hit> hits = found.subList(0, Math.min(top, found.size()));
        Hit last = hits.isEmpty() ? null : hits.get(hits.size() - 1);
        String next = found.size() > top ? new SkipToken(last.receivedAt(), last.itemId()).encode() : null;
        return new ContentSearchResult(request.query(), clock.instant(), hits.size(), List.copyOf(hits), next);
    }

    private List<Hit> run(UUID tenantId, List<String> words, SkipToken after, int limit) {
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
        if (after != null) {
            jpql.append(" and (i.receivedAt < :afterAt or (i.receivedAt = :afterAt and i.id > :afterId))");
        }
        jpql.append(" order by i.receivedAt desc, i.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("tenant", tenantId);
        for (int w = 0; w < words.size(); w++) {
            query.setParameter("w" + w, words.get(w));
        }
        if (after != null) {
            query.setParameter("afterAt", after.receivedAt()).setParameter("afterId", after.itemId());
        }
        try {
            return query.setMaxResults(limit).getResultList().stream()
                    .map(row -> new Hit((UUID) row[0], (UUID) row[1], (String) row[2],
                            (MailboxState) row[3], (String) row[4], (String) row[5],
                            (Instant) row[6], (String) row[7], row[8] != null))
                    .toList();
        } catch (PersistenceException e) {
            if (SqlFailures.statementTimedOut(e)) {
                throw GraphException.badRequest("The search ran longer than it may and was stopped; "
                        + "use more specific words.");
            }
            throw e;
        }
    }
}
