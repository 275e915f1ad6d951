package org.licenselifecycle.console.operations;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a bulk operation was asked to do, written into its id (and so into its page's URL), so that the page can
 * still say it when this console no longer has the operation: it restarted, the operation ran on another replica,
 * or it is older than its results are kept. The console has no database; the URL is what survives.
 *
 * <p>The id is base64url of: a version, the kind, 8 random bytes, the start second, the owner, the products and
 * the users (GUIDs as 16 bytes each): about 2,200 characters for 100 users, well inside a request line. It grants
 * nothing: its page shows only what the owner, signed in, may read with their own token.
 */
public record OperationRequest(Kind kind, long nonce, Instant startedAt, String ownerId, List<String> skuIds,
        List<String> userIds) {

    /** What was asked, and what {@link #skuIds} then means. */
    public enum Kind {
        /** Licenses page: one product (skuIds has it) unassigned from each user. */
        UNASSIGN_PRODUCT,
        /** Active users' pane, "Save changes": the user keeps only skuIds. */
        KEEP_ONLY,
        /** Active users, "Unassign all": every license of each user (skuIds is empty). */
        UNASSIGN_ALL,
        /** Licenses page, "Assign licenses": one product (skuIds has it) given to each user. */
        ASSIGN_PRODUCT
    }

    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    public OperationRequest {
        skuIds = List.copyOf(skuIds);
        userIds = List.copyOf(userIds);
        if (skuIds.size() > 255 || userIds.size() > 255) {
            throw new IllegalArgumentException("An operation names at most 255 products and 255 users");
        }
    }

    public static OperationRequest unassignProduct(String ownerId, Instant at, String skuId, List<String> userIds) {
        return new OperationRequest(Kind.UNASSIGN_PRODUCT, RANDOM.nextLong(), at, ownerId, List.of(skuId), userIds);
    }

    public static OperationRequest assignProduct(String ownerId, Instant at, String skuId, List<String> userIds) {
        return new OperationRequest(Kind.ASSIGN_PRODUCT, RANDOM.nextLong(), at, ownerId, List.of(skuId), userIds);
    }

    public static OperationRequest keepOnly(String ownerId, Instant at, String userId, List<String> keptSkuIds) {
        return new OperationRequest(Kind.KEEP_ONLY, RANDOM.nextLong(), at, ownerId, keptSkuIds, List.of(userId));
    }

    public static OperationRequest unassignAll(String ownerId, Instant at, List<String> userIds) {
        return new OperationRequest(Kind.UNASSIGN_ALL, RANDOM.nextLong(), at, ownerId, List.of(), userIds);
    }

    /** The operation's id: this request, written down. */
    public String id() {
        ByteBuffer bytes = ByteBuffer.allocate(1 + 1 + 8 + 8 + 16 + 1 + 16 * skuIds.size() + 1 + 16 * userIds.size());
        bytes.put(VERSION).put((byte) kind.ordinal()).putLong(nonce).putLong(startedAt.getEpochSecond());
        put(bytes, ownerId);
        bytes.put((byte) skuIds.size());
        skuIds.forEach(sku -> put(bytes, sku));
        bytes.put((byte) userIds.size());
        userIds.forEach(user -> put(bytes, user));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The request an id was written from, or empty when it is not one. */
    public static Optional<OperationRequest> of(String id) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(id));
            if (bytes.get() != VERSION) {
                return Optional.empty();
            }
            int kind = bytes.get();
            if (kind < 0 || kind >= Kind.values().length) {
                return Optional.empty();
            }
            long nonce = bytes.getLong();
            Instant startedAt = Instant.ofEpochSecond(bytes.getLong());
            String owner = guid(bytes);
            List<String> skus = guids(bytes);
            List<String> users = guids(bytes);
            return bytes.hasRemaining() ? Optional.empty()
                    : Optional.of(new OperationRequest(Kind.values()[kind], nonce, startedAt, owner, skus, users));
        } catch (IllegalArgumentException | BufferUnderflowException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Where the operation's "Done" leads: the page it was started from. */
    public String doneLink() {
        return switch (kind) {
            case UNASSIGN_PRODUCT, ASSIGN_PRODUCT -> "/licenses/" + skuIds.get(0);
            case KEEP_ONLY -> "/users/" + userIds.get(0);
            case UNASSIGN_ALL -> "/users";
        };
    }

    /** Whether this is the request the operation's owner made (owner ids compared as GUIDs are). */
    public boolean ownedBy(String objectId) {
        return objectId != null && ownerId.equalsIgnoreCase(objectId);
    }

    private static void put(ByteBuffer bytes, String guid) {
        UUID uuid = UUID.fromString(guid);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }

    private static String guid(ByteBuffer bytes) {
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    private static List<String> guids(ByteBuffer bytes) {
        int count = Byte.toUnsignedInt(bytes.get());
        List<String> guids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            guids.add(guid(bytes));
        }
        return guids;
    }
}
