package org.licenselifecycle.console.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An operation's id is its request written down: read back whole, and nothing else reads as one. */
class OperationRequestTest {

    private static final String OWNER = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String SKU = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void eachKindOfRequestIsReadBackFromItsId() {
        List<String> users = users(20);
        for (OperationRequest request : List.of(OperationRequest.unassignProduct(OWNER, AT, SKU, users),
                OperationRequest.keepOnly(OWNER, AT, users.get(0), List.of(SKU)),
                OperationRequest.unassignAll(OWNER, AT, users))) {
            assertThat(OperationRequest.of(request.id())).as(request.kind().name()).contains(request);
        }
    }

    @Test
    void whatTheRequestAskedIsKeptInItsId() {
        OperationRequest read = OperationRequest.of(OperationRequest.unassignProduct(OWNER, AT, SKU, users(3)).id()).orElseThrow();
        assertThat(read.kind()).isEqualTo(OperationRequest.Kind.UNASSIGN_PRODUCT);
        assertThat(read.ownerId()).isEqualTo(OWNER);
        assertThat(read.startedAt()).isEqualTo(AT);
        assertThat(read.skuIds()).containsExactly(SKU);
        assertThat(read.userIds()).isEqualTo(users(3));
        assertThat(read.doneLink()).isEqualTo("/licenses/" + SKU);
        assertThat(read.ownedBy(OWNER.toUpperCase())).isTrue();
        assertThat(read.ownedBy("aaaaaaaa-0000-4000-8000-000000000002")).isFalse();
    }

    @Test
    void twoEqualRequestsHaveDifferentIds() {
        assertThat(OperationRequest.unassignAll(OWNER, AT, users(2)).id())
                .isNotEqualTo(OperationRequest.unassignAll(OWNER, AT, users(2)).id());
    }

    @Test
    void theIdOfAHundredUsersFitsARequestLine() {
        String id = OperationRequest.unassignAll(OWNER, AT, users(100)).id();
        // Vert.x refuses request lines over 4,096 characters; "GET /operations/<id>?part=progress HTTP/1.1"
        assertThat(id).hasSizeLessThan(2_300).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void whatIsNotAnOperationsIdReadsAsNone() {
        String id = OperationRequest.unassignAll(OWNER, AT, users(2)).id();
        assertThat(OperationRequest.of("not-an-id")).isEmpty();
        assertThat(OperationRequest.of("")).isEmpty();
        assertThat(OperationRequest.of(UUID.randomUUID().toString())).isEmpty();
        assertThat(OperationRequest.of(id.substring(0, id.length() - 4))).as("cut short").isEmpty();
        assertThat(OperationRequest.of(id + "AAAAAAAAAAAAAAAAAAAAAA")).as("longer than it says").isEmpty();
        assertThat(OperationRequest.of("Ag" + id.substring(2))).as("another version").isEmpty();
    }

    private static List<String> users(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("bbbbbbbb-0000-4000-8000-%012d", i)).toList();
    }
}
