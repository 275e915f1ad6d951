package org.licenselifecycle.lifecycle.ediscovery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What one content search may cost ({@code lifecycle.ediscovery.*}): the query's length and number of words
 * (a longer one is a 400), the hits of one page (the rest come page by page), and how long the database may
 * run it (beyond, it is stopped and the search is a 400 asking for more specific words).
 */
@ConfigMapping(prefix = "lifecycle.ediscovery")
public interface ContentSearchLimits {

    /** Characters of a query ({@code max-query-length}). */
    @WithDefault("500")
    int maxQueryLength();

    /** Words of a query, each of which a hit must contain ({@code max-words}). */
    @WithDefault("20")
    int maxWords();

    /** Hits of a page when the request names no {@code top} ({@code default-page-size}). */
    @WithDefault("100")
    int defaultPageSize();

    /** The largest {@code top} a request may ask for ({@code max-page-size}). */
    @WithDefault("500")
    int maxPageSize();

    /** How long the database may run one page's query ({@code statement-timeout}). */
    @WithDefault("5s")
    Duration statementTimeout();
}
