package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.support.inbox.InboxConfig;

/**
 * Automatic topic creation is off, so every topic a service reads, retries through, dead-letters to or publishes
 * an event to must be a KafkaTopic of the cluster, in every overlay, replicated as the overlay promises; consumers
 * retry through delayed-retry topics before their dead-letter topic, and remember the events they applied longer
 * than any topic keeps a record.
 */
class KafkaTopicsTest {

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyTopicAServiceConsumesRetriesThroughOrDeadLettersToIsAKafkaTopic(String overlay) {
        Set<String> topics = topicNames(overlay);
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(topics).as("%s: topics %s consumes", overlay, service.name()).containsAll(service.consumedTopics());
            assertThat(topics).as("%s: delayed-retry topics of %s", overlay, service.name())
                    .containsAll(service.retryTopics());
            assertThat(topics).as("%s: dead-letter topics of %s", overlay, service.name())
                    .containsAll(service.deadLetterTopics());
        }
    }

    @Test
    void everyConsumerRetriesThroughDelayedRetryTopicsBeforeItsDeadLetterTopic() {
        for (ServiceModule service : ServiceModule.all()) {
            for (ServiceModule.Channel channel : service.channels()) {
                String what = service.name() + " channel " + channel.name();
                assertThat(channel.failureStrategy()).as(what).contains("delayed-retry-topic");
                assertThat(channel.deadLetterTopic()).as("%s: without one, records are dropped after the retries", what)
                        .contains(Topics.deadLetterTopic(channel.topic(), service.name()));
                assertThat(channel.retryTopics()).as(what).isNotEmpty().allSatisfy(topic -> assertThat(topic)
                        .as("%s: <source>.<consumer>%s<delay in ms>", what, Topics.RETRY_INFIX)
                        .matches(Pattern.quote(channel.topic() + "." + service.name() + Topics.RETRY_INFIX) + "[1-9][0-9]*"));
                assertThat(channel.maxRetries()).as(what).hasValueSatisfying(max -> assertThat(max).isPositive());
                // beyond its last topic, the connector retries through the last one again
                long delays = IntStream.range(0, channel.maxRetries().orElseThrow())
                        .mapToLong(retry -> delayMillis(channel.retryTopics().get(Math.min(retry, channel.retryTopics().size() - 1))))
                        .sum();
                assertThat(channel.retryTimeoutMillis()).as("%s: a timeout under twice the retries' delays may cut them short (a record can wait behind another)", what)
                        .hasValueSatisfying(timeout -> assertThat(timeout).isGreaterThan(2 * delays));
            }
        }
    }

    @Test
    void everyConsumerHandsTheUsersOfADeadReplicaOverWithinFifteenSeconds() {
        // Kafka's default session timeout (45 s) holds a killed pod's partitions, and their users' events, that long
        for (ServiceModule service : ServiceModule.all()) {
            for (ServiceModule.Channel channel : service.channels()) {
                assertThat(channel.sessionTimeoutMillis()).as("%s channel %s: session.timeout.ms", service.name(), channel.name())
                        .hasValueSatisfying(timeout -> assertThat(timeout).isBetween(6_000L, 15_000L));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void retryAndDeadLetterTopicsHaveAtLeastTheirSourcesPartitions(String overlay) {
        // the connector writes a retried or dead-lettered record to the partition number it was read from
        Map<String, Integer> partitions = new TreeMap<>();
        Overlays.rendered(overlay).ofKind("KafkaTopic").forEach(topic ->
                partitions.put(topic.at("/spec/topicName").asText(Manifests.name(topic)), topic.at("/spec/partitions").asInt()));
        for (ServiceModule service : ServiceModule.all()) {
            for (ServiceModule.Channel channel : service.channels()) {
                List<String> downstream = new ArrayList<>(channel.retryTopics());
                channel.deadLetterTopic().ifPresent(downstream::add);
                for (String topic : downstream) {
                    assertThat(partitions.get(topic)).as("%s: partitions of %s", overlay, topic)
                            .isGreaterThanOrEqualTo(partitions.get(channel.topic()));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void consumersRememberAppliedEventsLongerThanAnyTopicKeepsARecord(String overlay) throws Exception {
        // a redelivered or replayed record must find its event id in processed_event, or it applies twice
        long longestTopicRetention = Overlays.rendered(overlay).ofKind("KafkaTopic").stream()
                .mapToLong(topic -> topic.at("/spec/config/retention.ms").asLong(7L * 24 * 3600 * 1000)).max().orElseThrow();
        String byDefault = InboxConfig.ProcessedEventRetention.class.getMethod("retention").getAnnotation(WithDefault.class).value();
        assertThat(Duration.parse(byDefault).toMillis()).as("inbox.processed-events.retention by default")
                .isGreaterThan(longestTopicRetention);
        for (ServiceModule service : ServiceModule.all()) {
            service.setting("inbox.processed-events.retention").ifPresent(configured ->
                    assertThat(Duration.parse(configured).toMillis()).as(service.name()).isGreaterThan(longestTopicRetention));
        }
        for (JsonNode configMap : Overlays.rendered(overlay).ofKind("ConfigMap")) {
            JsonNode configured = configMap.at("/data/INBOX_PROCESSED_EVENTS_RETENTION");
            if (!configured.isMissingNode()) {
                assertThat(Duration.parse(configured.asText()).toMillis()).as(Manifests.describe(configMap))
                        .isGreaterThan(longestTopicRetention);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyTopicOfTheEventContractIsAKafkaTopic(String overlay) {
        Set<String> contract = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());

        assertThat(topicNames(overlay)).containsAll(contract).contains(Topics.USER_EVENTS, Topics.LICENSE_EVENTS);
    }

    @Test
    void theServicesReadTheContractsTopicsAndNameTheirDeadLetterTopicsAfterSourceAndConsumer() {
        Set<String> contract = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());
        Set<String> consumedSomewhere = new TreeSet<>();
        for (ServiceModule service : ServiceModule.all()) {
            consumedSomewhere.addAll(service.consumedTopics());
            assertThat(service.deadLetterTopics()).as(service.name()).hasSameSizeAs(service.consumedTopics());
            for (String topic : service.consumedTopics()) {
                assertThat(service.deadLetterTopics()).as(service.name()).contains(Topics.deadLetterTopic(topic, service.name()));
                assertThat(Topics.sourceOfDeadLetters(Topics.deadLetterTopic(topic, service.name())))
                        .as("what the dead-letter replay puts its records back on").isEqualTo(topic);
            }
        }
        assertThat(contract).containsAll(consumedSomewhere);
        assertThat(consumedSomewhere).as("some service consumes each event topic").containsAll(contract);
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void topicsAndNodePoolsBelongToTheOneKafkaCluster(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        String cluster = Manifests.name(manifests.single("Kafka"));
        for (String kind : List.of("KafkaTopic", "KafkaNodePool")) {
            for (JsonNode object : manifests.ofKind(kind)) {
                assertThat(object.at("/metadata/labels/strimzi.io~1cluster").asText()).as(Manifests.describe(object))
                        .isEqualTo(cluster);
            }
        }
        Set<String> roles = new TreeSet<>();
        manifests.ofKind("KafkaNodePool").forEach(pool -> pool.at("/spec/roles").forEach(r -> roles.add(r.asText())));
        assertThat(roles).as("KRaft needs controllers and brokers").contains("controller", "broker");
        assertThat(manifests.single("Kafka").at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(manifests.single("Kafka").at("/spec/entityOperator/topicOperator").isObject())
                .as("the topic operator reconciles the KafkaTopics").isTrue();
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void noTopicAsksForMoreReplicasThanThereAreBrokersOrMoreInSyncReplicasThanReplicas(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        int brokers = brokers(manifests);
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            assertThat(replicas).as(Manifests.describe(topic)).isBetween(1, brokers);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(Manifests.describe(topic))
                    .isBetween(1, replicas);
            assertThat(topic.at("/spec/partitions").asInt()).as(Manifests.describe(topic)).isPositive();
        }
    }

    @Test
    void productionReplicatesEveryTopicThreeTimesAndNeedsTwoInSync() {
        Manifests prod = Overlays.rendered("prod");
        assertThat(brokers(prod)).isGreaterThanOrEqualTo(3);
        for (JsonNode topic : prod.ofKind("KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt()).as(Manifests.describe(topic)).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(Manifests.describe(topic)).isEqualTo(2);
        }
        JsonNode config = prod.single("Kafka").at("/spec/kafka/config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
    }

    @Test
    void devKeepsOneReplicaOfEverything() {
        Manifests dev = Overlays.rendered("dev");
        assertThat(brokers(dev)).isEqualTo(1);
        for (JsonNode topic : dev.ofKind("KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt()).as(Manifests.describe(topic)).isEqualTo(1);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(Manifests.describe(topic)).isEqualTo(1);
        }
        JsonNode config = dev.single("Kafka").at("/spec/kafka/config");
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(1);
        assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(1);
    }

    private static long delayMillis(String retryTopic) {
        return Long.parseLong(retryTopic.substring(retryTopic.lastIndexOf('_') + 1));
    }

    private static Set<String> topicNames(String overlay) {
        return Overlays.rendered(overlay).ofKind("KafkaTopic").stream()
                .map(t -> t.at("/spec/topicName").asText(Manifests.name(t)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static int brokers(Manifests manifests) {
        int brokers = 0;
        for (JsonNode pool : manifests.ofKind("KafkaNodePool")) {
            for (JsonNode role : pool.at("/spec/roles")) {
                if ("broker".equals(role.asText())) {
                    brokers += pool.at("/spec/replicas").asInt();
                }
            }
        }
        return brokers;
    }
}
