package org.licenselifecycle.support.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Entra ID directory roles by their role template ids, as the {@code wids} claim carries them. The
 * role's name becomes a security role of the caller, so resources can say {@code @RolesAllowed}.
 */
public enum DirectoryRole {
    GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", Roles.GLOBAL_ADMINISTRATOR),
    LICENSE_ADMINISTRATOR("4d6ac14f-3453-41d0-bef9-a3e0c569773a", Roles.LICENSE_ADMINISTRATOR),
    USER_ADMINISTRATOR("fe930be7-5e62-47db-91af-98c3a49a38b1", Roles.USER_ADMINISTRATOR),
    GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", Roles.GLOBAL_READER),
    BILLING_ADMINISTRATOR("b0f54661-2d74-4c50-afa3-1ec803f12efe", Roles.BILLING_ADMINISTRATOR),
    HELPDESK_ADMINISTRATOR("729827e3-9c14-49f7-bb1b-9608f156bbb8", Roles.HELPDESK_ADMINISTRATOR);

    private final String templateId;
    private final String roleName;

    DirectoryRole(String templateId, String roleName) {
        this.templateId = templateId;
        this.roleName = roleName;
    }

    public String templateId() {
        return templateId;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<DirectoryRole> ofTemplateId(String templateId) {
        return Arrays.stream(values()).filter(r -> r.templateId.equalsIgnoreCase(templateId)).findFirst();
    }
}
