package org.licenselifecycle.console.signin;

import java.util.Arrays;
import java.util.Optional;

/**
 * Entra ID's admin roles by role template id (the token's {@code wids}), with what each lets the console
 * offer. The services decide for real; the console only leaves out what would be refused.
 */
public enum AdminRole {
    GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"),
    LICENSE_ADMINISTRATOR("4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator"),
    USER_ADMINISTRATOR("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"),
    GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"),
    BILLING_ADMINISTRATOR("b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"),
    HELPDESK_ADMINISTRATOR("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator");

    private final String templateId;
    private final String displayName;

    AdminRole(String templateId, String displayName) {
        this.templateId = templateId;
        this.displayName = displayName;
    }

    public String templateId() {
        return templateId;
    }

    public String displayName() {
        return displayName;
    }

    /** "You must be a Global, License, User admin to unassign licenses." */
    public boolean unassigns() {
        return this == GLOBAL_ADMINISTRATOR || this == LICENSE_ADMINISTRATOR || this == USER_ADMINISTRATOR;
    }

    /** Taking over a self-service purchase is billing's business. */
    public boolean takesOver() {
        return this == GLOBAL_ADMINISTRATOR || this == BILLING_ADMINISTRATOR;
    }

    public static Optional<AdminRole> ofTemplateId(String templateId) {
        return Arrays.stream(values()).filter(r -> r.templateId.equalsIgnoreCase(templateId)).findFirst();
    }
}
