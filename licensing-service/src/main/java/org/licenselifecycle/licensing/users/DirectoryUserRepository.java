package org.licenselifecycle.licensing.users;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * Reads and writes the users read model ({@code directory_user}, {@link DirectoryUser}) row by row, in plain SQL:
 * licensing runs without an ORM (its start and memory, issue 17). Only {@link DirectoryUsers} writes it, once per
 * event, after the event's effects ({@link #save}), as the ORM wrote it at the commit. The statements that find and
 * lock users by name or by many ids are {@link UserRows}'.
 */
@ApplicationScoped
public class DirectoryUserRepository {

    /** The columns, in the order of {@link DirectoryUser#columns()}. */
    static final String COLUMNS = "user_id, tenant_id, user_principal_name, display_name, usage_location, account_enabled, "
            + "created_at, deleted_at, changed_at, details_changed_at, purged_at";

    private static final String INSERT = "INSERT INTO directory_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = """
            UPDATE directory_user SET tenant_id = ?, user_principal_name = ?, display_name = ?, usage_location = ?,
                account_enabled = ?, created_at = ?, deleted_at = ?, changed_at = ?, details_changed_at = ?, purged_at = ?
            WHERE user_id = ?""";

    private final Sql sql;

    DirectoryUserRepository(Sql sql) {
        this.sql = sql;
    }

    /** The user with this id, in any tenant and state (deleted, purged); not locked. */
    public Optional<DirectoryUser> find(UUID userId) {
        return sql.first("SELECT " + COLUMNS + " FROM directory_user WHERE user_id = ?", DirectoryUserRepository::user,
                userId);
    }

    /**
     * Writes the user: a new one's row, or what changed in a known one since it was read (every column, as the ORM did;
     * nothing when nothing changed). Queued ({@link Sql#updateLater}): it travels with the transaction's next statement
     * through {@link Sql} or goes just before the commit.
     */
    void save(DirectoryUser user) {
        Object[] columns = user.columns();
        if (user.stored == null) {
            sql.updateLater(INSERT, columns);
        } else if (user.changedSinceStored()) {
            Object[] parameters = new Object[columns.length];
            System.arraycopy(columns, 1, parameters, 0, columns.length - 1);
            parameters[columns.length - 1] = columns[0];
            sql.updateLater(UPDATE, parameters);
        } else {
            return;
        }
        user.stored = columns;
    }

    private static DirectoryUser user(ResultSet row) throws SQLException {
        DirectoryUser user = new DirectoryUser();
        user.userId = Sql.uuid(row, 1);
        user.tenantId = Sql.uuid(row, 2);
        user.userPrincipalName = row.getString(3);
        user.displayName = row.getString(4);
        user.usageLocation = row.getString(5);
        user.accountEnabled = row.getBoolean(6);
        user.createdAt = Sql.instant(row, 7);
        user.deletedAt = Sql.instant(row, 8);
        user.changedAt = Sql.instant(row, 9);
        user.detailsChangedAt = Sql.instant(row, 10);
        user.purgedAt = Sql.instant(row, 11);
        user.stored = user.columns();
        return user;
    }
}
