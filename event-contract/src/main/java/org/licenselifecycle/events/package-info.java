/**
 * The event contract between the services: one record per event, one JSON schema per event and version
 * (under {@code schemas/v1/}), and the CloudEvents attributes they travel with on Kafka. How a consumer
 * orders one user's events by their time, when one arrives late, is {@link org.licenselifecycle.events.UserLifecycle}.
 */
package org.licenselifecycle.events;
