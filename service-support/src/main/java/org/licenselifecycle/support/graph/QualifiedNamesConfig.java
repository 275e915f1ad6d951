package org.licenselifecycle.support.graph;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/**
 * The Graph names a service serves that Graph also accepts namespace-qualified ({@link QualifiedNames}): each
 * service lists its own in its {@code application.properties}. deploy/k8s/validation checks that every bound action
 * a service's resources declare is listed, and that the Ingress routes the qualified forms.
 */
@ConfigMapping(prefix = "graph.qualified-names")
public interface QualifiedNamesConfig {

    /**
     * The actions the service binds to an entity, by their plain names as the resources declare them
     * ({@code assignLicense}, {@code restore}).
     */
    Optional<Set<String>> actions();

    /** The types the service casts to ({@code user}), declared by the resources as {@code microsoft.graph.<type>}. */
    Optional<Set<String>> casts();
}
