package org.licenselifecycle.directory.users;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.directory.tenants.TenantService;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.support.audit.AuditLog;
import org.licenselifecycle.support.audit.AuditTargets;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Creates, changes and reads the users of a tenant's directory. A created user and its {@code UserCreated} event
 * commit together (transactional outbox); every read is confined to the given tenant, so another
 * tenant's user is as absent as an unknown one.
 */
@ApplicationScoped
public class UserService {

    public static final String DUPLICATE_UPN =
            "Another object with the same value for property userPrincipalName already exists.";
    private static final String UNIQUE_UPN_INDEX = "users_tenant_upn";

    private final UserRepository users;
    private final TenantService tenants;
    private final PrivilegedTargets privilegedTargets;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;

    UserService(UserRepository users, TenantService tenants, PrivilegedTargets privilegedTargets, Outbox outbox,
            AuditLog auditLog, Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.privilegedTargets = privilegedTargets;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates a user in {@code tenantId} and announces it with {@code UserCreated}; joins the caller's
     * transaction when there is one.
     *
     * @throws GraphException 400 when a property breaks Entra ID's rules, the userPrincipalName is taken or
     *         outside a registered tenant's domains
     */
    public User create(UUID tenantId, NewUser request) {
        UserValidation.validate(request);
        // bcrypt is slow on purpose: hash before the transaction takes a connection
        String passwordHash = BcryptUtil.bcryptHash(request.passwordProfile().password());
        return QuarkusTransaction.joiningExisting().call(() -> insert(tenantId, request, passwordHash));
    }

    private User insert(UUID tenantId, NewUser request, String passwordHash) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.userPrincipalName = request.userPrincipalName();
        user.displayName = request.displayName();
        user.givenName = request.givenName();
        user.surname = request.surname();
        user.mail = request.mail();
        user.mailNickname = request.mailNickname();
        user.usageLocation = request.usageLocation();
        user.accountEnabled = request.accountEnabled();
        user.jobTitle = request.jobTitle();
        user.department = request.department();
        user.passwordHash = passwordHash;
        user.forceChangePasswordNextSignIn = Boolean.TRUE.equals(request.passwordProfile().forceChangePasswordNextSignIn());
        return add(user);
    }

    /**
     * Adds a user whose properties are set, as {@link #create} does (also for the directory synchronization): the
     * userPrincipalName must be in the tenant's domains and free; {@code createdAt} is now. Announced with
     * UserCreated and recorded as "Add user", in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public User add(User user) {
        UUID tenantId = user.tenantId;
        tenants.requireOwnDomain(tenantId, user.userPrincipalName);
        if (users.findByUserPrincipalName(tenantId, user.userPrincipalName).isPresent()) {
            throw GraphException.badRequest(DUPLICATE_UPN);
        }
        user.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            users.persistAndFlush(user);
        } catch (ConstraintViolationException e) {
            // a concurrent create of the same userPrincipalName won the race to the unique index
            throw duplicateUserPrincipalName(e);
        }
        outbox.add(user.id, new UserCreated(tenantId, user.id, user.userPrincipalName, user.displayName,
                user.mailNickname, user.usageLocation, user.accountEnabled, user.createdAt));
        audit(Activity.ADD_USER, user, AuditTargets.only(
                AuditTargets.changed("DisplayName", null, user.displayName),
                AuditTargets.changed("UserPrincipalName", null, user.userPrincipalName),
                AuditTargets.changed("AccountEnabled", null, user.accountEnabled),
                AuditTargets.changed("UsageLocation", null, user.usageLocation)));
        return user;
    }

    /**
     * Sets the properties a PATCH names and, when any of the user's announced properties changed, announces
     * the user's whole snapshot with UserUpdated. A new password is kept as its hash and not announced. Joins
     * the caller's transaction when there is one.
     *
     * @throws GraphException 403 when the caller's roles do not let them change this user
     *         ({@link PrivilegedTargets}); 404 for no such active user; 400 for a value that breaks Entra ID's
     *         rules, a userPrincipalName another user holds, or an account mastered on premises
     */
    public User update(UUID tenantId, String idOrUserPrincipalName, UserChanges changes) {
        privilegedTargets.requireMayUpdateSomeone(changes);
        UserValidation.validate(changes);
        // bcrypt is slow on purpose: hash before the transaction takes a connection
        String passwordHash = changes.passwordProfile() == null ? null
                : BcryptUtil.bcryptHash(changes.passwordProfile().orElseThrow().password());
        return QuarkusTransaction.joiningExisting().call(() -> apply(tenantId, idOrUserPrincipalName, changes, passwordHash));
    }

    private User apply(UUID tenantId, String idOrUserPrincipalName, UserChanges changes, String passwordHash) {
        User user = findForUpdate(tenantId, idOrUserPrincipalName);
        privilegedTargets.requireMayUpdate(user, changes);
        OnPremisesMastered.refuseCloudChange(user, changes);
        if (passwordHash != null) {
            user.passwordHash = passwordHash;
            user.forceChangePasswordNextSignIn =
                    Boolean.TRUE.equals(changes.passwordProfile().orElseThrow().forceChangePasswordNextSignIn());
        }
        change(user, changes);
        return user;
    }

    /**
     * Sets the validated properties of {@code changes} (but the password) on a user the caller's transaction holds
     * locked, as a PATCH does (also for the directory synchronization): a new userPrincipalName must be in the
     * tenant's domains and free. What changed is announced with UserUpdated and recorded as "Update user".
     *
     * @return whether a property changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean change(User user, UserChanges changes) {
        if (changes.userPrincipalName() != null) {
            String upn = changes.userPrincipalName().get();
            if (!upn.equalsIgnoreCase(user.userPrincipalName)) {
                tenants.requireOwnDomain(user.tenantId, upn);
            }
            if (users.findByUserPrincipalName(user.tenantId, upn).filter(other -> !other.id.equals(user.id)).isPresent()) {
                throw GraphException.badRequest(DUPLICATE_UPN);
            }
        }
        List<ModifiedProperty> changed = UserChangesApplied.apply(changes, user);
        if (changed.isEmpty()) {
            return false;
        }
        try {
            users.flush();
        } catch (ConstraintViolationException e) {
            throw duplicateUserPrincipalName(e);
        }
        announceUpdate(user);
        audit(Activity.UPDATE_USER, user, changed);
        return true;
    }

    /**
     * Records in the tenant's audit log, in the caller's transaction, that the caller (the system outside a request)
     * did {@code activity} to {@code user}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(Activity activity, User user, List<ModifiedProperty> changed) {
        auditLog.record(user.tenantId, activity, AuditTargets.user(user.id, user.displayName, user.userPrincipalName,
                changed));
    }

    /** Writes UserUpdated with the user's current snapshot, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceUpdate(User user) {
        outbox.add(user.id, snapshot(user, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * The active user named by id or userPrincipalName as of now, in the shape of the UserUpdated that would
     * announce them now ({@code updatedAt}: now), for a service that learns of users from this service's events
     * and has not heard of this one yet (licensing-service, when a user it is asked about was created a moment ago).
     * It folds the answer in as it folds that event ({@link org.licenselifecycle.events.UserLifecycle}), so the time
     * must order the answer among the user's events: the row is share-locked first, so that a change being made
     * to the user commits before and is in the answer, and the time is read after the lock, later than every
     * event already written about the user; a later change locks the row after this transaction, and its event
     * carries a later time.
     *
     * @throws GraphException 404 when the tenant has no such active user
     */
    @Transactional
    public UserUpdated snapshot(UUID tenantId, String idOrUserPrincipalName) {
        User user = find(tenantId, idOrUserPrincipalName);
        users.getEntityManager().refresh(user, LockModeType.PESSIMISTIC_READ);
        if (user.isDeleted()) {
            // deleted by a concurrent request while this one waited for the lock
            throw GraphException.notFound(idOrUserPrincipalName);
        }
        return snapshot(user, clock.instant());
    }

    private static UserUpdated snapshot(User user, Instant at) {
        return new UserUpdated(user.tenantId, user.id, user.userPrincipalName, user.displayName, user.usageLocation,
                user.accountEnabled, user.managerId, at);
    }

    /** A user of the tenant by id, or by userPrincipalName (any case) when {@code idOrUserPrincipalName} is not a GUID. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User find(UUID tenantId, String idOrUserPrincipalName) {
        return ObjectIds.of(idOrUserPrincipalName)
                .map(id -> users.findInTenant(tenantId, id))
                .orElseGet(() -> users.findByUserPrincipalName(tenantId, idOrUserPrincipalName))
                .orElseThrow(() -> GraphException.notFound(idOrUserPrincipalName));
    }

    /** An active user of the tenant, locked for a change, by id or userPrincipalName as {@link #find}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User findForUpdate(UUID tenantId, String idOrUserPrincipalName) {
        User user = find(tenantId, idOrUserPrincipalName);
        users.getEntityManager().refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.isDeleted()) {
            // deleted by a concurrent request while this one waited for the lock
            throw GraphException.notFound(idOrUserPrincipalName);
        }
        return user;
    }

    /**
     * Up to {@code size} users of the tenant the filter selects, in {@code order}, continuing after {@code after}
     * (the end of a previous page in the same order).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPage page(UUID tenantId, UserFilter filter, UserOrder order, Optional<UserCursor> after, int size) {
        return UserPage.of(users.page(tenantId, filter, order, after, size + 1), size);
    }

    /** How many users of the tenant the filter selects (Graph's {@code @odata.count} and {@code /users/$count}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID tenantId, UserFilter filter) {
        return users.count(tenantId, filter);
    }

    /** The 400 for a flush refused by the unique userPrincipalName index; any other violation as it was. */
    static RuntimeException duplicateUserPrincipalName(ConstraintViolationException e) {
        return UNIQUE_UPN_INDEX.equalsIgnoreCase(e.getConstraintName()) ? GraphException.badRequest(DUPLICATE_UPN) : e;
    }
}
