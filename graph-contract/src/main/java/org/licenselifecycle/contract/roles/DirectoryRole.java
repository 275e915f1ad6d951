package org.licenselifecycle.contract.roles;

import java.util.Arrays;
import java.util.Optional;

/**
 * Entra ID directory roles this system knows, by their role template ids, as the {@code wids} claim carries them
 * (service-support's {@code Grant.directoryRoles()}), and by the names the admin center shows; which operations each
 * allows is service-support's {@code Operations} table, built from {@link AdminRoles}.
 */
public enum DirectoryRole {
    GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"),
    LICENSE_ADMINISTRATOR("4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator"),
    USER_ADMINISTRATOR("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"),
    GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"),
    BILLING_ADMINISTRATOR("b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"),
    HELPDESK_ADMINISTRATOR("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"),
    // the roles besides those above that Entra ID lets read the audit log (directoryAudit-list)
    SECURITY_ADMINISTRATOR("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"),
    SECURITY_READER("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader"),
    REPORTS_READER("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader"),
    // who writes the directory from on-premises Active Directory (Entra Connect's sync account or application) and who
    // administers that synchronization (issue 16)
    DIRECTORY_SYNCHRONIZATION_ACCOUNTS("d29b2b05-8046-44ba-8758-1e26182fcf32", "Directory Synchronization Accounts"),
    HYBRID_IDENTITY_ADMINISTRATOR("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"),
    // manages groups (creates, changes, deletes them and their members), not users (issue 16)
    GROUPS_ADMINISTRATOR("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator");

    private final String templateId;
    private final String displayName;

    DirectoryRole(String templateId, String displayName) {
        this.templateId = templateId;
        this.displayName = displayName;
    }

    public String templateId() {
        return templateId;
    }

    /** The role's name as the admin center shows it, e.g. "License Administrator". */
    public String displayName() {
        return displayName;
    }

    public static Optional<DirectoryRole> ofTemplateId(String templateId) {
        return Arrays.stream(values()).filter(r -> r.templateId.equalsIgnoreCase(templateId)).findFirst();
    }
}
