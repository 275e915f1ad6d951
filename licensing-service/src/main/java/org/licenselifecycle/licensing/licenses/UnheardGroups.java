package org.licenselifecycle.licensing.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.licensing.users.DirectoryAnswers;

/**
 * Groups licensing has not heard of yet, as {@code UnheardUsers} does for users: a group is known once a membership
 * event named it, or once directory-service answered for it; before its first license licensing asks directory
 * ({@code GET /internal/groups/{id}}) with the caller's token, within the caller's tenant. A group directory does not
 * know is Graph's 404; directory that cannot be asked is a 503 with Retry-After (nothing changed;
 * {@link DirectoryAnswers}), never a 404 that may be wrong. Called outside any transaction: the answer is recorded in one of its own.
 */
@ApplicationScoped
public class UnheardGroups {

    private final GroupProducts groups;
    private final DirectoryAnswers directory;
    private final ObjectMapper json;

    UnheardGroups(GroupProducts groups, DirectoryAnswers directory, ObjectMapper json) {
        this.groups = groups;
        this.directory = directory;
        this.json = json;
    }

    /**
     * The name of the group of {@code tenantId} with this id, asking directory-service when licensing has not heard of
     * it.
     *
     * @param bearer the caller's token
     * @throws GraphException 404 when directory has no such group in the caller's tenant; 503 when it cannot be asked
     */
    public String learn(UUID tenantId, UUID groupId, String bearer) {
        Optional<String> known = QuarkusTransaction.requiringNew().call(() -> groups.name(tenantId, groupId));
        if (known.isPresent()) {
            return known.get();
        }
        String name = ask(groupId, bearer).orElseThrow(() -> GraphException.notFound(groupId.toString()));
        QuarkusTransaction.requiringNew().run(() -> groups.named(tenantId, groupId, name));
        return name;
    }

    private Optional<String> ask(UUID groupId, String bearer) {
        return directory.group(groupId, bearer, answer -> {
            JsonNode group = json.readTree(answer);
            if (!groupId.toString().equalsIgnoreCase(group.path("id").asText()) || !group.path("displayName").isTextual()) {
                throw new IllegalStateException("not the group: " + answer);
            }
            return group.get("displayName").asText();
        });
    }
}
