/**
 * The test rig: real PostgreSQL and Kafka without Docker, and tokens the services accept under the test
 * profile. A test class opts in with {@code @WithTestResource(Rig.class)}.
 */
package org.licenselifecycle.testsupport;
