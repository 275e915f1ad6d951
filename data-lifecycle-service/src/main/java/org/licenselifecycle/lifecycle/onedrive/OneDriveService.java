package org.licenselifecycle.lifecycle.onedrive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.lifecycle.users.UserIds;
import org.licenselifecycle.support.graph.GraphException;

/**
 * What OneDrive does when licenses come: a SharePoint or OneDrive plan provisions the user's OneDrive.
 * There is deliberately no handler for a license removal: OneDrive files are not deleted unless the user is.
 */
@ApplicationScoped
public class OneDriveService {

    private final Clock clock;

    OneDriveService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public void licenseAssigned(LicenseAssigned event) {
        if (!OneDrive.includedIn(event.servicePlans())) {
            return;
        }
        OneDrive existing = OneDrive.findById(event.userId());
        if (existing == null) {
            OneDrive.provision(event.tenantId(), event.userId(), event.userPrincipalName(), event.assignedAt(),
                    clock.instant()).persist();
        } else if (!existing.tenantId.equals(event.tenantId())) {
            throw new MalformedEventException("User " + existing.userId + " belongs to another tenant than "
                    + event.tenantId());
        }
        // an existing OneDrive stays as it is: same site, same files
    }

    /** The user's OneDrive in the caller's tenant; 404 when there is none (or it is another tenant's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OneDriveView find(UUID tenantId, String userId) {
        return OneDrive.ofUser(tenantId, UserIds.parse(userId))
                .map(OneDriveView::of)
                .orElseThrow(() -> GraphException.notFound(userId));
    }
}
