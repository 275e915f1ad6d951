package org.licenselifecycle.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * directory-service as the console calls it: users and groups (Graph), admin role assignments, the tenant with its
 * admin-center links, removing a former employee, the audit log.
 */
@RegisterRestClient(configKey = "directory")
@RegisterProvider(DirectoryErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryClient {

    /**
     * A user as Graph lists them (the properties the console shows); {@code assignedLicenses} only when
     * selected, else null.
     */
    record User(String id, String displayName, String userPrincipalName, String usageLocation, Boolean accountEnabled,
            List<AssignedLicense> assignedLicenses) {
    }

    /** One of a user's {@code assignedLicenses}: the product. */
    record AssignedLicense(String skuId) {
    }

    /**
     * A security group as Graph shows it (the properties the console shows); {@code assignedLicenses}, the products
     * licensing gives its members, only when selected, else null.
     */
    record Group(String id, String displayName, String description, Boolean onPremisesSyncEnabled,
            List<AssignedLicense> assignedLicenses) {
    }

    record RoleAssignment(String id, String principalId, String roleDefinitionId) {
    }

    record RoleAssignments(List<RoleAssignment> value) {
    }

    /**
     * The signed-in admin's tenant: {@code cloudInstance} "worldwide" or "21Vianet", and the links of that instance's
     * admin center, which directory-service states ({@code CloudInstance}) and the console shows as they come.
     */
    record Tenant(String id, String displayName, String defaultDomain, String cloudInstance, AdminCenter adminCenter) {
    }

    /** Billing > Licenses and Users > Active users in the tenant's own admin center. */
    record AdminCenter(String licensesPage, String activeUsersPage) {
    }

    /** What an admin chose when removing a former employee. */
    record Offboarding(boolean blockSignIn, boolean unassignLicenses, boolean deleteUser) {
    }

    /**
     * What removing a former employee did and what happens to the licenses, mailbox and OneDrive, in directory's
     * words (with data-lifecycle-service's dates); {@code dataOutcomeKnown} false when lifecycle could not be asked.
     */
    record OffboardingOutcome(String userId, String userPrincipalName, boolean signInBlocked, boolean deleted,
            Instant restorableUntil, boolean dataOutcomeKnown, Summary licenses, Summary mailbox, OneDriveSummary oneDrive) {
    }

    record Summary(String summary) {
    }

    record OneDriveSummary(String summary, Instant deleteAfter, String accessFor) {
    }

    /** An entry of Graph's audit log ({@code directoryAudit}), the properties the Audit log page shows. */
    record DirectoryAudit(String id, String activityDisplayName, java.time.Instant activityDateTime, String result,
            AuditInitiator initiatedBy, List<AuditTarget> targetResources) {
    }

    /** Who did it: a signed-in user, or an application. */
    record AuditInitiator(AuditUser user, AuditApp app) {
    }

    record AuditUser(String id, String displayName, String userPrincipalName) {
    }

    record AuditApp(String appId, String displayName) {
    }

    record AuditTarget(String id, String displayName, String type, String userPrincipalName,
            List<AuditProperty> modifiedProperties) {
    }

    record AuditProperty(String displayName, String oldValue, String newValue) {
    }

    /** Graph's list of users; a null option is left out. */
    @GET
    @Path("/v1.0/users")
    ODataCollection<User> users(@HeaderParam("Authorization") String bearer, @HeaderParam("ConsistencyLevel") String consistencyLevel,
            @QueryParam("$top") int top, @QueryParam("$filter") String filter, @QueryParam("$orderby") String orderBy,
            @QueryParam("$select") String select, @QueryParam("$count") Boolean count,
            @QueryParam("$skiptoken") String skipToken);

    /** Graph's audit log, newest first; a null option is left out. */
    @GET
    @Path("/v1.0/auditLogs/directoryAudits")
    ODataCollection<DirectoryAudit> directoryAudits(@HeaderParam("Authorization") String bearer,
            @QueryParam("$top") int top, @QueryParam("$filter") String filter, @QueryParam("$skiptoken") String skipToken);

    @GET
    @Path("/v1.0/users/{id}")
    User user(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    /** Graph's list of groups; a null option is left out. */
    @GET
    @Path("/v1.0/groups")
    ODataCollection<Group> groups(@HeaderParam("Authorization") String bearer, @QueryParam("$top") int top,
            @QueryParam("$skiptoken") String skipToken);

    @GET
    @Path("/v1.0/groups/{id}")
    Group group(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @QueryParam("$select") String select);

    /** A group's members (users), as Graph lists them; a null option is left out. */
    @GET
    @Path("/v1.0/groups/{id}/members")
    ODataCollection<User> groupMembers(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @QueryParam("$top") int top, @QueryParam("$skiptoken") String skipToken);

    @GET
    @Path("/v1.0/roleManagement/directory/roleAssignments")
    RoleAssignments roleAssignments(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/api/v1/tenants/current")
    Tenant currentTenant(@HeaderParam("Authorization") String bearer);

    /** Remove a former employee: block sign-in, unassign licenses and/or delete the account, as chosen. */
    @POST
    @Path("/api/v1/users/{id}/offboard")
    @Consumes(MediaType.APPLICATION_JSON)
    OffboardingOutcome offboard(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            Offboarding choices);
}
