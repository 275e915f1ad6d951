package org.licenselifecycle.directory.directorysync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * What one entry of a batch did: {@code created}, {@code updated}, {@code restored} (the anchor came back inside the
 * deleted-items window), {@code unchanged} (nothing to do: a replay), {@code deleted}, or {@code error} with Graph's
 * code and message (that entry changed nothing).
 *
 * @param id the directory's object id of the user or group; null when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResult(String onPremisesImmutableId, UUID id, Outcome result, Error error) {

    /** The outcome of an entry. */
    public enum Outcome {
        CREATED, UPDATED, RESTORED, UNCHANGED, DELETED, ERROR;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Graph's error code and message, as its envelope writes them. */
    public record Error(String code, String message) {
    }

    static SyncResult of(String anchor, UUID id, Outcome outcome) {
        return new SyncResult(anchor, id, outcome, null);
    }

    static SyncResult refused(String anchor, GraphException refusal) {
        return new SyncResult(anchor, null, Outcome.ERROR, new Error(refusal.code(), refusal.getMessage()));
    }
}
