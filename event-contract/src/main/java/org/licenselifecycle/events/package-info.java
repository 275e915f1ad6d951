/**
 * The event contract between the services: one record per event, one JSON schema per event and version
 * (under {@code schemas/v1/}), and the CloudEvents attributes they travel with on Kafka.
 */
package org.licenselifecycle.events;
