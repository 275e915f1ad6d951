package org.licenselifecycle.support.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Microsoft Graph's throttling, per replica: every request takes one token from its tenant's and its application's
 * request quota, and a write takes one more from their write quota (Graph counts writes against both its
 * resource-unit and its write quota, so writes can be throttled while reads still pass). A request that finds a
 * quota empty takes nothing from any and is refused with {@link Throttled}: 429, {@code Retry-After} the seconds
 * until that quota has a token again.
 *
 * <p>Each quota is a Bucket4j token bucket in memory (lock-free, no database round trip on the hot path), refilled
 * evenly over {@link ThrottlingConfig#period()}; buckets are keyed by tenant or application and kept in a Caffeine
 * cache. The limits are per replica: behind a load balancer spreading requests over N replicas a tenant gets
 * about N times its quota. Elapsed time is Bucket4j's monotonic {@code System.nanoTime}, not the injected Clock: a
 * rate is measured in elapsed time, which a wall clock stepped by NTP (or a test) is not.
 */
@ApplicationScoped
@Startup // checks its quotas when the service starts, not at the first request
public class Throttle {

    /** Graph's words for what a quota counts ({@code x-ms-throttle-scope}, {@code x-ms-throttle-information}). */
    enum Limit {
        WRITE("Write", "WriteLimitExceeded"), READ_WRITE("ReadWrite", "ResourceUnitLimitExceeded");

        final String scopeName;
        final String information;

        Limit(String scopeName, String information) {
            this.scopeName = scopeName;
            this.information = information;
        }
    }

    /** Whose requests a quota counts. */
    enum Scope {
        TENANT("Tenant"), APPLICATION("Application");

        final String scopeName;

        Scope(String scopeName) {
            this.scopeName = scopeName;
        }
    }

    private record Key(Limit limit, Scope scope, String id) {
    }

    private final ThrottlingConfig config;
    private final Cache<Key, Bucket> buckets;
    private final MeterRegistry meters;

    Throttle(ThrottlingConfig config, MeterRegistry meters) {
        if (config.enabled()) {
            requireBucketsCanHold(config);
        }
        this.config = config;
        this.meters = meters;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxBuckets())
                .expireAfterAccess(config.period())
                .build();
    }

    /**
     * Takes this request's tokens, or none when a quota is spent.
     *
     * @param tenantId the caller's tenant
     * @param applicationId the calling application, if the token names it
     * @param write whether the request changes something (POST, PUT, PATCH, DELETE)
     * @throws Throttled when a quota is spent
     */
    public void take(UUID tenantId, Optional<String> applicationId, boolean write) {
        if (!config.enabled()) {
            return;
        }
        List<Key> keys = new ArrayList<>(4);
        String tenant = tenantId.toString();
        if (write) {
            keys.add(new Key(Limit.WRITE, Scope.TENANT, tenant));
            applicationId.ifPresent(app -> keys.add(new Key(Limit.WRITE, Scope.APPLICATION, app)));
        }
        keys.add(new Key(Limit.READ_WRITE, Scope.TENANT, tenant));
        applicationId.ifPresent(app -> keys.add(new Key(Limit.READ_WRITE, Scope.APPLICATION, app)));
        for (int taken = 0; taken < keys.size(); taken++) {
            Key key = keys.get(taken);
            ConsumptionProbe probe = buckets.get(key, this::bucket).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                // all or nothing: give back what this request took from the quotas before the spent one
                for (Key earlier : keys.subList(0, taken)) {
                    buckets.get(earlier, this::bucket).addTokens(1);
                }
                meters.counter("throttled.requests", "scope", key.scope().scopeName, "limit", key.limit().scopeName)
                        .increment();
                throw new Throttled(retryAfter(probe.getNanosToWaitForRefill()),
                        key.scope().scopeName + "/" + key.limit().scopeName + "/" + applicationId.orElse("") + "/"
                                + tenant,
                        key.limit().information);
            }
        }
    }

    /** A quota is 1 or more requests per period, and refills by at most one request a nanosecond (Bucket4j's limit). */
    private static void requireBucketsCanHold(ThrottlingConfig config) {
        long periodNanos = config.period().toNanos();
        for (long quota : new long[] {config.writesPerTenant(), config.writesPerApplication(), config.requestsPerTenant(),
                config.requestsPerApplication()}) {
            if (quota < 1 || quota > periodNanos) {
                throw new ConfigurationException("license-lifecycle.throttling: every quota must be from 1 to one request"
                        + " per nanosecond of the period (" + config.period() + "), got " + quota
                        + "; to throttle nothing set license-lifecycle.throttling.enabled=false");
            }
        }
    }

    /** Whole seconds, at least one: Retry-After counts seconds, and a client retrying sooner is refused again. */
    private static Duration retryAfter(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket bucket(Key key) {
        long quota = switch (key.limit()) {
            case WRITE -> key.scope() == Scope.TENANT ? config.writesPerTenant() : config.writesPerApplication();
            case READ_WRITE -> key.scope() == Scope.TENANT ? config.requestsPerTenant() : config.requestsPerApplication();
        };
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, config.period()))
                .build();
    }
}
