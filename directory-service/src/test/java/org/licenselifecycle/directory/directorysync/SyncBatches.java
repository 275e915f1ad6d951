package org.licenselifecycle.directory.directorysync;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.testsupport.DevTokens;

/** Sync batches as a sync agent sends them, and the agent's token (app-only, Directory.ReadWrite.All). */
final class SyncBatches {

    static final String BATCHES = "/api/v1/directorySync/batches";

    private SyncBatches() {
    }

    /** An upsert of the AD user {@code alias@contoso.com} with anchor {@code anchor}; tests change fields. */
    static Map<String, Object> upsert(String anchor, String alias) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("operation", "upsert");
        entry.put("onPremisesImmutableId", anchor);
        entry.put("userPrincipalName", alias + "@contoso.com");
        entry.put("displayName", "Synced " + alias);
        entry.put("givenName", "Synced");
        entry.put("accountEnabled", true);
        entry.put("usageLocation", "US");
        entry.put("onPremisesSamAccountName", alias);
        entry.put("onPremisesDistinguishedName", "CN=" + alias + ",OU=Staff,DC=contoso,DC=local");
        entry.put("onPremisesDomainName", "contoso.local");
        return entry;
    }

    /** Upserts of {@code count} new AD users {@code alias0}, {@code alias1}, ..., each with a new anchor. */
    static List<Map<String, Object>> upserts(String alias, int count) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(upsert(anchor(), alias + i));
        }
        return entries;
    }

    static Map<String, Object> delete(String anchor) {
        return Map.of("operation", "delete", "onPremisesImmutableId", anchor);
    }

    /** An upsert of the AD security group {@code name} with anchor {@code anchor} and these members' anchors. */
    static Map<String, Object> group(String anchor, String name, String... memberAnchors) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("operation", "upsert");
        entry.put("onPremisesImmutableId", anchor);
        entry.put("displayName", name);
        entry.put("mailNickname", name.replaceAll("[^A-Za-z0-9]", ""));
        entry.put("description", "The " + name + " group in AD");
        entry.put("members", List.of(memberAnchors));
        return entry;
    }

    /** Upserts of {@code count} new AD groups without members, {@code name 0}, {@code name 1}, ..., new anchors. */
    static List<Map<String, Object>> groups(String name, int count) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(group(anchor(), name + " " + i));
        }
        return entries;
    }

    static String anchor() {
        // Entra Connect's anchor: the base64 of the AD object's ms-DS-ConsistencyGuid
        return java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()).substring(0, 24);
    }

    static String agentToken(UUID tenant) {
        return DevTokens.app(tenant, "Directory.ReadWrite.All");
    }

    /** Sends the entries as the tenant's sync agent. */
    static ValidatableResponse send(UUID tenant, List<Map<String, Object>> entries) {
        return send(agentToken(tenant), entries);
    }

    /** Sends users and groups as the tenant's sync agent. */
    static ValidatableResponse send(UUID tenant, List<Map<String, Object>> users, List<Map<String, Object>> groups) {
        return given().auth().oauth2(agentToken(tenant)).contentType(ContentType.JSON)
                .body(Map.of("users", users, "groups", groups)).when().post(BATCHES).then();
    }

    static ValidatableResponse send(String token, List<Map<String, Object>> entries) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("users", entries))
                .when().post(BATCHES).then();
    }
}
