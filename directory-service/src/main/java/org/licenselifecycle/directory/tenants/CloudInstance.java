package org.licenselifecycle.directory.tenants;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a tenant lives: Microsoft 365 worldwide, or operated by 21Vianet in China. The default domain and
 * the admin center's links differ (the links are those of the source document).
 */
public enum CloudInstance {
    WORLDWIDE("worldwide", ".onmicrosoft.com",
            "https://go.microsoft.com/fwlink/p/?linkid=842264", "https://go.microsoft.com/fwlink/p/?linkid=834822"),
    VIANET("21Vianet", ".partner.onmschina.cn",
            "https://go.microsoft.com/fwlink/p/?linkid=850625", "https://go.microsoft.com/fwlink/p/?linkid=850628");

    private final String value;
    private final String domainSuffix;
    private final String licensesPage;
    private final String activeUsersPage;

    CloudInstance(String value, String domainSuffix, String licensesPage, String activeUsersPage) {
        this.value = value;
        this.domainSuffix = domainSuffix;
        this.licensesPage = licensesPage;
        this.activeUsersPage = activeUsersPage;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String domainSuffix() {
        return domainSuffix;
    }

    /** Billing > Licenses in this instance's admin center. */
    public String licensesPage() {
        return licensesPage;
    }

    /** Users > Active users in this instance's admin center. */
    public String activeUsersPage() {
        return activeUsersPage;
    }

    public static Optional<CloudInstance> of(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equalsIgnoreCase(value)).findFirst();
    }
}
