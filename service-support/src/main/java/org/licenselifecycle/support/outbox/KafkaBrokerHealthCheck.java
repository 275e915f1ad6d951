package org.licenselifecycle.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker's state in the readiness report, without making readiness depend on it. Readiness says whether
 * this pod can serve its HTTP API, which needs its database but not the broker: writes go on into the outbox
 * and are published, in order, when the broker returns. So this check is always UP and says in its data
 * whether the broker answers ({@code broker}: {@code reachable}, {@code unreachable} or {@code not checked
 * yet}, {@code since} when; {@code degraded} and {@code lastError} while it does not) and what the outbox holds. Quarkus' own Kafka check and SmallRye's channel
 * readiness and startup checks are off (service-support's {@code microprofile-config.properties}) because they
 * would take every pod out of its Service while the broker is away.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealthCheck implements HealthCheck {

    public static final String NAME = "Kafka broker";

    private final BrokerWatch broker;
    private final OutboxBacklog backlog;

    KafkaBrokerHealthCheck(BrokerWatch broker, OutboxBacklog backlog) {
        this.broker = broker;
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        BrokerWatch.Reachability reachability = broker.reachability();
        OutboxBacklog.Snapshot outbox = backlog.last();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("broker", reachability.reachable().map(up -> up ? "reachable" : "unreachable")
                        .orElse("not checked yet"))
                .withData("since", reachability.since().toString())
                .withData("outboxEventsWaiting", outbox.waiting())
                .withData("oldestWaitingEventAgeSeconds", outbox.oldestWaitingAge().toSeconds())
                .withData("outboxEventsSetAside", outbox.setAside());
        if (broker.unreachable()) {
            response.withData("degraded", "the API serves; events wait in the outbox until the broker answers")
                    .withData("lastError", reachability.lastError());
        }
        return response.build();
    }
}
