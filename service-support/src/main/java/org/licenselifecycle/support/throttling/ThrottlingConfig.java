package org.licenselifecycle.support.throttling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How many requests each tenant and each application may send one replica per {@link #period()}, as Microsoft Graph
 * limits them (see {@link Throttle}). The defaults are a safety net sized well above what one replica serves
 * (licensing's benchmark: at most about 2,500 assignLicense calls a second from one tenant and one token, i.e.
 * 25,000 per 10 s, a quarter of the default write quota per tenant); Graph's own identity quotas are far lower
 * (3,000 writes per 150 s for one application in one tenant, 18,000 per 5 minutes per tenant).
 */
@ConfigMapping(prefix = "license-lifecycle.throttling")
public interface ThrottlingConfig {

    /** Off: no request is ever throttled. */
    @WithDefault("true")
    boolean enabled();

    /** The window every quota is counted over; a quota refills evenly over it, and may all be spent at once. */
    @WithDefault("PT10S")
    Duration period();

    /** Writes (POST, PUT, PATCH, DELETE) per tenant, whatever the application: Graph's tenant write quota. */
    @WithDefault("100000")
    long writesPerTenant();

    /** Writes per application ({@code azp}/{@code appid}), across tenants: Graph's application write quota. */
    @WithDefault("200000")
    long writesPerApplication();

    /** Requests of any method (reads and writes) per tenant: Graph's resource-unit quota. */
    @WithDefault("200000")
    long requestsPerTenant();

    /** Requests of any method per application, across tenants. */
    @WithDefault("400000")
    long requestsPerApplication();

    /**
     * Token buckets kept in memory at most (one per tenant or application and quota). An idle bucket is dropped
     * after one period, when it is full again and so equal to a new one; past this size the least recently used
     * go first, which only ever forgives spending.
     */
    @WithDefault("100000")
    long maxBuckets();
}
