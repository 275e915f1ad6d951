package org.licenselifecycle.directory.offboarding;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * What happens to an offboarded user's data, as data-lifecycle-service (which owns the grace period, the holds, the
 * inactive-mailbox rule and each tenant's OneDrive retention) answers it: offboarding quotes its dates and words and
 * restates none of its rules. Asked with the caller's token once the offboarding is done; when lifecycle cannot be
 * asked (away, slow, refusing), the answer is empty and offboarding says so, rather than a date that may be wrong.
 */
@ApplicationScoped
public class DataOutlook {

    private static final Logger LOG = Logger.getLogger(DataOutlook.class);

    private final LifecycleConfig config;
    private final JsonWebToken token;
    private final LifecycleClient lifecycle;

    DataOutlook(LifecycleConfig config, JsonWebToken token) {
        this.config = config;
        this.token = token;
        this.lifecycle = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.url())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(LifecycleClient.class);
    }

    /** What deleting the user at {@code deletedAt} does to their mailbox and OneDrive; empty when lifecycle cannot say. */
    public Optional<LifecycleClient.IfDeleted> ifDeleted(UUID userId, Instant deletedAt) {
        return ask(userId, "ifDeleted", () -> lifecycle.ifDeleted(bearer(), userId, deletedAt.toString()));
    }

    /** When the grace period of a mailbox disconnected now ends; empty when lifecycle cannot say. */
    public Optional<Instant> gracePeriodEnds(UUID userId) {
        return ask(userId, "ifRemoved", () -> lifecycle.ifRemoved(bearer(), userId))
                .map(LifecycleClient.IfRemoved::gracePeriodEnds);
    }

    private String bearer() {
        return "Bearer " + token.getRawToken();
    }

    private <T> Optional<T> ask(UUID userId, String what, Supplier<T> question) {
        try {
            return Optional.ofNullable(question.get());
        } catch (WebApplicationException e) {
            LOG.warnf("data-lifecycle-service (%s) answered %d to %s of user %s", config.url(),
                    e.getResponse().getStatus(), what, userId);
        } catch (ProcessingException e) {
            LOG.warnf("data-lifecycle-service (%s) could not be reached in time for %s of user %s: %s", config.url(),
                    what, userId, e.toString());
        }
        return Optional.empty();
    }
}
