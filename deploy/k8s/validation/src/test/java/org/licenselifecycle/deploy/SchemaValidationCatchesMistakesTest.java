package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validators reject what the API server would: each test breaks one rendered object the way people do
 * (a misspelled or misplaced field, a wrong type, a missing required field) and expects a problem there.
 */
class SchemaValidationCatchesMistakesTest {

    private final ManifestValidator validator = ManifestValidator.get();
    private final Manifests prod = Overlays.rendered("prod");

    @Test
    void theUnbrokenObjectsUsedBelowAreValid() {
        assertThat(validator.problems(deployment())).isEmpty();
        assertThat(validator.problems(topic())).isEmpty();
        assertThat(validator.problems(prod.single("Kafka"))).isEmpty();
    }

    @Test
    void aMisspelledFieldInADeploymentIsRejected() {
        ObjectNode deployment = deployment();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("imagePullPolicyy", container.textNode("Always"));

        assertThat(validator.problems(deployment)).singleElement().asString()
                .startsWith("/spec/template/spec/containers/0/imagePullPolicyy")
                .contains("Unrecognized field");
    }

    @Test
    void aFieldAtTheWrongLevelOfADeploymentIsRejected() {
        ObjectNode deployment = deployment();
        // the image belongs to the container, not to the pod
        ((ObjectNode) deployment.at("/spec/template/spec")).put("image", "registry.example.com/x:1");

        assertThat(validator.problems(deployment)).singleElement().asString()
                .startsWith("/spec/template/spec/image");
    }

    @Test
    void aStringForANumberAndANumberForAStringAreRejectedInADeployment() {
        ObjectNode replicasAsText = deployment();
        ((ObjectNode) replicasAsText.path("spec")).put("replicas", "two");
        assertThat(validator.problems(replicasAsText)).singleElement().asString().startsWith("/spec/replicas");

        ObjectNode unquotedEnvValue = deployment();
        ObjectNode env = (ObjectNode) unquotedEnvValue.at("/spec/template/spec/containers/0/env/0");
        env.put("value", 8081);
        assertThat(validator.problems(unquotedEnvValue)).singleElement().asString()
                .startsWith("/spec/template/spec/containers/0/env/0/value");
    }

    @Test
    void aWrongTypeInAKafkaTopicIsRejected() {
        ObjectNode topic = topic();
        ((ObjectNode) topic.path("spec")).put("partitions", "six");

        assertThat(validator.problems(topic)).anySatisfy(p -> assertThat(p).contains("/spec/partitions"));
    }

    @Test
    void anUnknownFieldInAKafkaTopicIsRejected() {
        ObjectNode topic = topic();
        ((ObjectNode) topic.path("spec")).put("replicationFactor", 3);

        assertThat(validator.problems(topic)).anySatisfy(p -> assertThat(p).contains("replicationFactor"));
    }

    @Test
    void aValueOutsideTheSchemasRangeIsRejected() {
        ObjectNode topic = topic();
        ((ObjectNode) topic.path("spec")).put("partitions", 0);

        assertThat(validator.problems(topic)).anySatisfy(p -> assertThat(p).contains("/spec/partitions"));
    }

    @Test
    void aKafkaWithoutListenersIsRejected() {
        ObjectNode kafka = prod.single("Kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).remove("listeners");

        assertThat(validator.problems(kafka)).anySatisfy(p -> assertThat(p).contains("listeners"));
    }

    @Test
    void aMisspelledFieldDeepInsideAPostgresClusterIsRejected() {
        ObjectNode cluster = prod.single("Cluster").deepCopy();
        ((ObjectNode) cluster.at("/spec/managed/roles/0")).put("passwrd", "x");

        assertThat(validator.problems(cluster)).anySatisfy(p -> assertThat(p).contains("passwrd"));
    }

    @Test
    void aMisspelledMetadataFieldOfACustomResourceIsRejected() {
        ObjectNode database = prod.ofKind("Database").get(0).deepCopy();
        ((ObjectNode) database.path("metadata")).set("labls", database.objectNode());

        assertThat(validator.problems(database)).singleElement().asString().startsWith("/metadata/labls");
    }

    @Test
    void anObjectOfAKindNoSchemaKnowsIsRejected() {
        ObjectNode unknown = deployment();
        unknown.put("apiVersion", "example.com/v1").put("kind", "Widget");

        assertThat(validator.problems(unknown)).singleElement().asString().contains("no schema for example.com/v1 Widget");
    }

    @Test
    void theValidatorsAlsoCatchMistakesInYamlAsWritten() throws Exception {
        List<ObjectNode> objects = Kustomize.split("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: broken
                spec:
                  ports:
                    - port: http
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: broken
                spec:
                  replicas: "3"
                """);

        assertThat(validator.problems(objects.get(0))).singleElement().asString().startsWith("/spec/ports/0/port");
        assertThat(validator.problems(objects.get(1))).anySatisfy(p -> assertThat(p).contains("/spec/replicas"));
    }

    private ObjectNode deployment() {
        return prod.get("Deployment", "directory-service").deepCopy();
    }

    private ObjectNode topic() {
        return prod.get("KafkaTopic", "directory.user-events").deepCopy();
    }
}
