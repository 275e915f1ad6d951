package org.licenselifecycle.directory.tenants;

/**
 * A tenant to register: its display name, the name of its default domain (before {@code .onmicrosoft.com}
 * or {@code .partner.onmschina.cn}) and its cloud instance ({@code worldwide}, the default, or
 * {@code 21Vianet}). Fields may be missing (null) until checked.
 */
public record NewTenant(String displayName, String domainName, String cloudInstance) {
}
