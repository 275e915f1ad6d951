package org.licenselifecycle.directory.audit;

import java.util.List;
import java.util.Optional;

/**
 * A page of the audit log, newest first.
 *
 * @param continueAfter the last entry of the page when more follow
 */
public record AuditPage(List<DirectoryAudit> entries, Optional<DirectoryAudit> continueAfter) {

    /** The first {@code size} of {@code rows}, read one beyond the page to know whether more follow. */
    static AuditPage of(List<DirectoryAudit> rows, int size) {
        if (rows.size() <= size) {
            return new AuditPage(rows, Optional.empty());
        }
        List<DirectoryAudit> page = rows.subList(0, size);
        return new AuditPage(page, Optional.of(page.get(size - 1)));
    }
}
