package org.licenselifecycle.licensing.users;

import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * The read model holds no active user of the tenant by this id or userPrincipalName: Graph's 404, unless
 * directory-service, asked about the user ({@link AsksDirectoryWhenUnheard}), knows one that its events have not
 * brought yet.
 */
public class UserNotHeardOf extends GraphException {

    private final UUID tenantId;
    private final String user;

    public UserNotHeardOf(UUID tenantId, String user) {
        super(404, GraphErrorCodes.RESOURCE_NOT_FOUND, GraphException.notFound(user).getMessage());
        this.tenantId = tenantId;
        this.user = user;
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** The user as the request named them: an id or a userPrincipalName. */
    public String user() {
        return user;
    }
}
