package org.licenselifecycle.lifecycle.ediscovery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Where the next page of a content search starts: after the last hit of the page before (hits come newest
 * first, then by item id). Opaque to clients, as Graph's skip tokens are.
 */
record SkipToken(Instant receivedAt, UUID itemId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((receivedAt + "/" + itemId).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws GraphException 400 when {@code token} is not one a search gave */
    static SkipToken decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/", 2);
            return new SkipToken(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw GraphException.badRequest("The skipToken is not one a search gave; start again without it.");
        }
    }
}
