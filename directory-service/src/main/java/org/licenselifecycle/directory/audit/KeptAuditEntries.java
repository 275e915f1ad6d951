package org.licenselifecycle.directory.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.support.audit.AuditEntries;

/**
 * The directory's own audit entries (users added, updated, deleted...) kept at once in its audit log, in the
 * transaction of the change, the same way as entries from the other services ({@link DirectoryAudits#keep}): the log
 * lives in this service's database, so the change and its entry commit together without a trip through Kafka, and
 * the directory's outbox carries only its users' events. Replaces service-support's outbox default here.
 */
@ApplicationScoped
public class KeptAuditEntries implements AuditEntries {

    private final DirectoryAudits audits;

    KeptAuditEntries(DirectoryAudits audits) {
        this.audits = audits;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(DirectoryAuditRecorded entry) {
        UUID id = UUID.randomUUID();
        audits.keep(id, entry);
        return id;
    }
}
