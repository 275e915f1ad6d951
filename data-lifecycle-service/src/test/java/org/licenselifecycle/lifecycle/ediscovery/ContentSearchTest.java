package org.licenselifecycle.lifecycle.ediscovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.licenselifecycle.lifecycle.AdminApi.asGlobalAdmin;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.deliver;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.lifecycle.Licenses.Sku;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.lifecycle.UserEventsOnKafka;
import org.licenselifecycle.lifecycle.mailbox.GracePeriodPurge;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.NextLink;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** Content Search finds items only where eDiscovery may look, and only in the caller's tenant. */
@QuarkusTest
@WithTestResource(Rig.class)
class ContentSearchTest {

    @Inject
    MovableClock clock;

    @Inject
    GracePeriodPurge purge;

    @Inject
    ContentSearchService searches;

    @Inject
    EntityManager em;

    /** A user of {@code tenant} whose mailbox holds one item mentioning {@code word}, one labelled item too. */
    private static TestUser userWithItems(UUID tenant, String word) {
        return userWithItems(tenant, word, BUSINESS_PREMIUM);
    }

    private static TestUser userWithItems(UUID tenant, String word, Sku sku) {
        UUID userId = UUID.randomUUID();
        TestUser user = new TestUser(tenant, userId, "user." + userId.toString().substring(0, 8) + "@contoso.onmicrosoft.com");
        publish(user.assigned(sku, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        deliver(user, "About " + word, "plain item", null);
        deliver(user, "Labelled " + word, "kept item", "Legal-10y");
        return user;
    }

    private static JsonPath search(TestUser asAdminOf, String query) {
        return asGlobalAdmin(asAdminOf).body(Map.of("query", query)).post("/api/v1/ediscovery/searches")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> usersFound(JsonPath result) {
        return result.getList("hits.userId");
    }

    @Test
    void itemsOfActiveAndHeldMailboxesAreFoundButNeverThoseOfADisconnectedOne() {
        UUID tenant = UUID.randomUUID();
        String word = "zephyr" + UUID.randomUUID().toString().substring(0, 6);
        TestUser active = userWithItems(tenant, word);
        TestUser held = userWithItems(tenant, word);
        TestUser disconnected = userWithItems(tenant, word);
        placeHold(held, "EDISCOVERY_HOLD");
        publish(held.removed(BUSINESS_PREMIUM, UUID.randomUUID(), at("2026-03-10T12:00:00Z")));
        publish(disconnected.removed(BUSINESS_PREMIUM, UUID.randomUUID(), at("2026-03-10T12:00:00Z")));
        awaitMailbox(held, json -> "DISCONNECTED".equals(json.getString("state")));
        awaitMailbox(disconnected, json -> "DISCONNECTED".equals(json.getString("state")));

        JsonPath result = search(active, word.toUpperCase());

        assertThat(result.getInt("count")).isEqualTo(4);
        assertThat(usersFound(result)).containsOnly(active.userId().toString(), held.userId().toString());
        assertThat(result.getString("query")).isEqualTo(word.toUpperCase());
    }

    @Test
    void afterThePurgeOnlyTheItemsKeptUnderARetentionLabelAreFound() {
        UUID tenant = UUID.randomUUID();
        String word = "quasar" + UUID.randomUUID().toString().substring(0, 6);
        TestUser user = userWithItems(tenant, word);
        Instant removedAt = at("2026-05-20T12:00:00Z");
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), removedAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(search(user, word).getInt("count")).isZero();
        clock.fixAt(removedAt.plus(Duration.ofDays(30)));

        purge.purgeDue();

        JsonPath result = search(user, word);
        assertThat(result.getInt("count")).isEqualTo(1);
        assertThat(result.getString("hits[0].subject")).isEqualTo("Labelled " + word);
        assertThat(result.getString("hits[0].retentionLabel")).isEqualTo("Legal-10y");
        assertThat(result.getBoolean("hits[0].retained")).isTrue();
        assertThat(result.getString("hits[0].mailboxState")).isEqualTo("PURGED");
    }

    @Test
    void anInactiveMailboxOfADeletedUserIsSearchedButASoftDeletedOneIsNot() {
        UUID tenant = UUID.randomUUID();
        String word = "comet" + UUID.randomUUID().toString().substring(0, 6);
        TestUser inactive = userWithItems(tenant, word, OFFICE_365_E3);
        TestUser softDeleted = userWithItems(tenant, word, OFFICE_365_E3);
        placeHold(inactive, "LITIGATION_HOLD");
        Instant deletedAt = at("2026-03-20T10:00:00Z");
        for (TestUser user : List.of(inactive, softDeleted)) {
            UserEventsOnKafka.publish(user.deleted(null, null, deletedAt));
            publish(user.removedByDeletion(OFFICE_365_E3, deletedAt));
        }
        awaitMailbox(inactive, json -> "INACTIVE".equals(json.getString("state")) && json.get("removedAt") != null);
        awaitMailbox(softDeleted, json -> "SOFT_DELETED".equals(json.getString("state")) && json.get("removedAt") != null);

        JsonPath result = search(inactive, word);

        assertThat(result.getInt("count")).isEqualTo(2);
        assertThat(usersFound(result)).containsOnly(inactive.userId().toString());
        assertThat(result.getList("hits.mailboxState")).containsOnly("INACTIVE");
    }

    @Test
    void everyWordMustAppearInTheSubjectOrTheBody() {
        UUID tenant = UUID.randomUUID();
        String word = "nebula" + UUID.randomUUID().toString().substring(0, 6);
        TestUser user = userWithItems(tenant, word);

        assertThat(search(user, word + " kept").getList("hits.subject")).containsExactly("Labelled " + word);
        assertThat(search(user, word + " missing").getInt("count")).isZero();
    }

    @Test
    void anotherTenantsItemsCannotBeFound() {
        String word = "pulsar" + UUID.randomUUID().toString().substring(0, 6);
        TestUser mine = userWithItems(UUID.randomUUID(), word);
        TestUser theirs = userWithItems(UUID.randomUUID(), word);

        assertThat(usersFound(search(mine, word))).containsOnly(mine.userId().toString());
        assertThat(usersFound(search(theirs, word))).containsOnly(theirs.userId().toString());
        assertThat(search(new TestUser(UUID.randomUUID(), UUID.randomUUID(), "x@y.com"), word).getInt("count")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"query\":\"   \"}", "{\"query\":42}", "{not json", "null"})
    void aSearchWithoutAUsableQueryIsABadRequest(String body) {
        given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/ediscovery/searches")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"query\":\"%WORDS%\"}", "{\"query\":\"%LONG%\"}", "{\"query\":\"a\",\"top\":0}",
            "{\"query\":\"a\",\"top\":501}", "{\"query\":\"a\",\"top\":\"many\"}",
            "{\"query\":\"a\",\"skipToken\":\"not-a-token\"}"})
    void aQueryTooLongOrOfTooManyWordsOrAPageOutOfBoundsIsABadRequest(String body) {
        String sent = body.replace("%WORDS%", String.join(" ", Collections.nCopies(21, "w")))
                .replace("%LONG%", "x".repeat(501));

        given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR)).contentType(ContentType.JSON)
                .body(sent).post("/api/v1/ediscovery/searches")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", not(emptyOrNullString()));
    }

    /** A search's token is sealed as every list's position is: another list's, an unsealed or a broken one is a 400. */
    @Test
    void aSkipTokenNoSearchGaveIsABadRequest() {
        UUID item = UUID.randomUUID();
        String position = "2026-03-10T08:00:00Z/" + item;
        List<String> tokens = List.of(NextLink.seal("g1:", item.toString()),
                Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8)),
                NextLink.seal("s1:", "2026-03-10T08:00:00Z/not-an-item"), NextLink.seal("s1:", item.toString()));

        for (String token : tokens) {
            given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                    .contentType(ContentType.JSON).body(Map.of("query", "a", "skipToken", token))
                    .post("/api/v1/ediscovery/searches")
                    .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"))
                    .body("error.message", equalTo("The skipToken is not one a search gave; start again without it."));
        }
    }

    @Test
    void hitsComeOnePageAtATimeNewestFirstAndTheSkipTokenGivesTheNextPage() {
        UUID tenant = UUID.randomUUID();
        String word = "meteor" + UUID.randomUUID().toString().substring(0, 6);
        TestUser user = userWithItems(tenant, word);
        for (int day = 10; day < 13; day++) {
            Map<String, Object> item = Map.of("subject", "Day " + day + " " + word, "body", "b",
                    "receivedAt", "2026-03-" + day + "T08:00:00Z");
            asGlobalAdmin(user).body(item).post("/api/v1/users/{userId}/mailbox/items", user.userId())
                    .then().statusCode(201);
        }
        List<String> subjects = new ArrayList<>();
        String skipToken = null;
        int pages = 0;
        do {
            Map<String, Object> request = new HashMap<>(Map.of("query", word, "top", 2));
            if (skipToken != null) {
                request.put("skipToken", skipToken);
            }
            JsonPath page = asGlobalAdmin(user).body(request).post("/api/v1/ediscovery/searches")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getInt("count")).isBetween(1, 2);
            subjects.addAll(page.getList("hits.subject"));
            skipToken = page.getString("nextSkipToken");
            pages++;
        } while (skipToken != null);

        assertThat(pages).isEqualTo(3);
        JsonPath onePage = search(user, word);
        assertThat(onePage.getString("nextSkipToken")).as("all on the default page").isNull();
        assertThat(subjects).as("the pages, one after the other, are the whole answer")
                .containsExactlyElementsOf(onePage.getList("hits.subject"));
        // the two items of userWithItems came at the same time: by item id after the newer ones
        assertThat(subjects.subList(0, 3)).containsExactly("Day 12 " + word, "Day 11 " + word, "Day 10 " + word);
        assertThat(subjects.subList(3, 5)).containsExactlyInAnyOrder("About " + word, "Labelled " + word);
    }

    @Test
    void aSearchTheDatabaseCannotAnswerInTimeIsStoppedAndABadRequest() {
        UUID tenant = UUID.randomUUID();
        String word = "nova" + UUID.randomUUID().toString().substring(0, 6);
        TestUser user = userWithItems(tenant, word);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO mailbox_item (id, user_id, tenant_id, subject, body, received_at)
                SELECT gen_random_uuid(), ?1, ?2, 'Filler ' || n, repeat('lorem ipsum dolor sit amet ', 40), now()
                FROM generate_series(1, 20000) AS n""")
                .setParameter(1, user.userId()).setParameter(2, tenant).executeUpdate());
        ContentSearchRequest request = new ContentSearchRequest(word + " missing", null, null);

        long started = System.nanoTime();
        assertThatThrownBy(() -> searches.search(tenant, request, Duration.ofMillis(1)))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("ran longer than it may");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(searches.search(tenant, request).count()).as("within the configured time").isZero();
    }

    @Test
    void onlyGlobalAdministratorsSearch() {
        for (DirectoryRole role : new DirectoryRole[] {DirectoryRole.GLOBAL_READER, DirectoryRole.LICENSE_ADMINISTRATOR,
                DirectoryRole.USER_ADMINISTRATOR}) {
            given().auth().oauth2(DevTokens.token(UUID.randomUUID(), role)).contentType(ContentType.JSON)
                    .body(Map.of("query", "anything")).post("/api/v1/ediscovery/searches")
                    .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        }
    }
}
