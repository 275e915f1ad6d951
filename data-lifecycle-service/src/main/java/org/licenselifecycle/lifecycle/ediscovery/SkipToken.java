package org.licenselifecycle.lifecycle.ediscovery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.NextLink;

/**
 * Where the next page of a content search starts: after the last hit of the page before (hits come newest
 * first, then by item id). Opaque to clients, as Graph's skip tokens are: sealed as every list seals its position
 * ({@link NextLink#seal}), so a token of another list is never read as a search's.
 */
record SkipToken(Instant receivedAt, UUID itemId) {

    /** The kind and version of a search's token. */
    private static final String KIND = "s1:";

    String encode() {
        return NextLink.seal(KIND, receivedAt + "/" + itemId);
    }

    /** @throws GraphException 400 when {@code token} is not one a search gave */
    static SkipToken decode(String token) {
        return NextLink.open(token, KIND).flatMap(SkipToken::position).orElseThrow(
                () -> GraphException.badRequest("The skipToken is not one a search gave; start again without it."));
    }

    private static Optional<SkipToken> position(String position) {
        String[] parts = position.split("/", 2);
        try {
            return parts.length == 2
                    ? Optional.of(new SkipToken(Instant.parse(parts[0]), UUID.fromString(parts[1])))
                    : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
