package org.licenselifecycle.directory.directorysync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the directory synchronization's batches ({@code directory.sync.*}). */
@ConfigMapping(prefix = "directory.sync")
public interface DirectorySyncConfig {

    /** The most entries one batch may hold; a larger batch is a 400 and changes nothing. */
    @WithDefault("500")
    int maxBatchSize();
}
