package org.licenselifecycle.contract.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one parser of ids in path segments (was data-lifecycle-service's UserIdsTest, with UserIds). */
class ObjectIdsTest {

    @Test
    void aGuidInEitherCaseIsAUserId() {
        UUID id = UUID.randomUUID();

        assertThat(ObjectIds.parse(id.toString())).isEqualTo(id);
        assertThat(ObjectIds.parse(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void anythingElseIsABadRequestNamingTheIdentifier() {
        assertThatThrownBy(() -> ObjectIds.parse("1-2-3-4-5"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("Request_BadRequest");
                    assertThat(e.getMessage()).isEqualTo("Invalid object identifier '1-2-3-4-5'.");
                });
    }

    @Test
    void aSegmentThatIsNoCanonicalGuidNamesNoId() {
        UUID id = UUID.randomUUID();

        assertThat(ObjectIds.of(id.toString())).contains(id);
        assertThat(ObjectIds.of(id.toString().toUpperCase())).contains(id);
        assertThat(ObjectIds.of("megan@contoso.com")).isEmpty();
        assertThat(ObjectIds.of("1-2-3-4-5")).isEmpty();
        // 36 characters UUID.fromString takes, but not 8-4-4-4-12
        assertThat(ObjectIds.of("000000001-234-4444-4444-444444444444")).isEmpty();
        assertThat(ObjectIds.of(id + " ")).isEmpty();
        assertThat(ObjectIds.of("")).isEmpty();
        assertThat(ObjectIds.of(null)).isEmpty();
    }

    @Test
    void anOptionThatIsNoGuidIsABadRequestNamingTheOption() {
        assertThatThrownBy(() -> ObjectIds.parse("1-2-3-4-5", "$skiptoken"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid $skiptoken: '1-2-3-4-5'.");
                });
    }

    @Test
    void aResourceSegmentThatIsNoGuidNamesNoResource() {
        UUID id = UUID.randomUUID();

        assertThat(ObjectIds.resource(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> ObjectIds.resource("1-2-3-4-5"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("Request_ResourceNotFound");
                    assertThat(e.getMessage()).startsWith("Resource '1-2-3-4-5' does not exist");
                });
    }
}
