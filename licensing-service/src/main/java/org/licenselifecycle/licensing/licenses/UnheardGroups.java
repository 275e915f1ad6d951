package org.licenselifecycle.licensing.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.licensing.users.DirectoryConfig;
import org.licenselifecycle.licensing.users.DirectoryUnavailable;

/**
 * Groups licensing has not heard of yet, as {@code UnheardUsers} does for users: a group is known once a membership
 * event named it, or once directory-service answered for it; before its first license licensing asks directory
 * ({@code GET /internal/groups/{id}}) with the caller's token, within the caller's tenant. A group directory does not
 * know is Graph's 404; directory that cannot be asked is a 503 with Retry-After (nothing changed), never a 404 that
 * may be wrong. Called outside any transaction: the answer is recorded in one of its own.
 */
@ApplicationScoped
public class UnheardGroups {

    private static final Logger LOG = Logger.getLogger(UnheardGroups.class);

    private final GroupProducts groups;
    private final DirectoryConfig config;
    private final DirectoryGroupsClient directory;
    private final ObjectMapper json;

    UnheardGroups(GroupProducts groups, DirectoryConfig config, ObjectMapper json) {
        this.groups = groups;
        this.config = config;
        this.json = json;
        this.directory = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.url())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(DirectoryGroupsClient.class);
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
        if (bearer == null) {
            return Optional.empty();
        }
        try {
            JsonNode answer = json.readTree(directory.group("Bearer " + bearer, groupId.toString()));
            if (!groupId.toString().equalsIgnoreCase(answer.path("id").asText()) || !answer.path("displayName").isTextual()) {
                throw unavailable(groupId, "answered what is not the group", null);
            }
            return Optional.of(answer.get("displayName").asText());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(groupId, "answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw unavailable(groupId, "could not be reached in time", e);
        } catch (IOException e) {
            throw unavailable(groupId, "answered what is not JSON", e);
        }
    }

    private DirectoryUnavailable unavailable(UUID groupId, String what, Throwable cause) {
        LOG.warnf("directory-service (%s) %s when asked about group %s: %s", config.url(), what, groupId, cause);
        return DirectoryUnavailable.aboutGroup(groupId, config.retryAfter(), cause);
    }
}
