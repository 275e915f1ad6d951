package org.licenselifecycle.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A service as its own module describes it: its name and HTTP port, its Kafka consumer channels with the topics
 * they consume, retry through and dead-letter to (application.properties over the shared defaults of
 * service-support, as Quarkus reads them in the prod profile), and the request paths its JAX-RS resources serve.
 */
record ServiceModule(String name, Path folder, int httpPort, List<Channel> channels, Config config) {

    /**
     * An incoming Kafka channel: its topic, failure strategy, delayed-retry topics (in order) and their settings,
     * and dead-letter topic.
     */
    record Channel(String name, String topic, Optional<String> failureStrategy, List<String> retryTopics,
            Optional<Integer> maxRetries, Optional<Long> retryTimeoutMillis, Optional<String> deadLetterTopic,
            Optional<Long> sessionTimeoutMillis) {
    }

    Set<String> consumedTopics() {
        return channels.stream().map(Channel::topic).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The dead-letter topics its channels send to (SmallRye's default name where one names none). */
    Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (Channel channel : channels) {
            if (channel.failureStrategy().filter(DEAD_LETTER_STRATEGIES::contains).isPresent()) {
                topics.add(channel.deadLetterTopic().orElse("dead-letter-topic-" + channel.topic()));
            }
        }
        return topics;
    }

    Set<String> retryTopics() {
        return channels.stream().flatMap(c -> c.retryTopics().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A setting as Quarkus reads it in the prod profile, where the service or the shared defaults give it. */
    Optional<String> setting(String key) {
        return config.get(key);
    }

    private static final Path SHARED_DEFAULTS = Path.of("service-support/src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern INCOMING_CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");
    private static final Pattern INCOMING_IN_CODE = Pattern.compile("@Incoming\\(\"([^\"]+)\"\\)");
    private static final Set<String> DEAD_LETTER_STRATEGIES = Set.of("dead-letter-queue", "delayed-retry-topic");

    /** Every module with a src/main/resources/application.properties naming a quarkus.application.name. */
    static List<ServiceModule> all() {
        Path root = ProjectRoot.path();
        try (Stream<Path> folders = Files.list(root)) {
            List<ServiceModule> services = folders
                    .filter(f -> Files.isRegularFile(f.resolve("src/main/resources/application.properties")))
                    .sorted()
                    .map(f -> read(root, f))
                    .flatMap(Optional::stream)
                    .toList();
            if (services.isEmpty()) {
                throw new IllegalStateException("No service module (application.properties) under " + root);
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ServiceModule> read(Path root, Path folder) {
        Config config = new Config(load(root.resolve(SHARED_DEFAULTS)), load(folder.resolve("src/main/resources/application.properties")));
        Optional<String> name = config.get("quarkus.application.name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Channel> channels = new ArrayList<>();
        for (String channel : incomingKafkaChannels(config, folder)) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            List<String> retryTopics = config.get(prefix + "delayed-retry-topic.topics")
                    .map(topics -> Arrays.stream(topics.split(",")).map(String::trim).toList()).orElse(List.of());
            channels.add(new Channel(channel, config.get(prefix + "topic").orElse(channel),
                    config.get(prefix + "failure-strategy"), retryTopics,
                    config.get(prefix + "delayed-retry-topic.max-retries").map(Integer::valueOf),
                    config.get(prefix + "delayed-retry-topic.timeout").map(Long::valueOf),
                    config.get(prefix + "dead-letter-queue.topic"),
                    config.get(prefix + "session.timeout.ms").map(Long::valueOf)));
        }
        int port = Integer.parseInt(config.get("quarkus.http.port").orElse("8080"));
        return Optional.of(new ServiceModule(name.get(), folder, port, List.copyOf(channels), config));
    }

    /** Channels configured with the Kafka connector, and @Incoming channels in code (Quarkus attaches Kafka). */
    private static Set<String> incomingKafkaChannels(Config config, Path folder) {
        Set<String> channels = new TreeSet<>();
        for (String key : config.keys()) {
            Matcher m = INCOMING_CONNECTOR.matcher(key);
            if (m.matches() && config.get(key).filter("smallrye-kafka"::equals).isPresent()) {
                channels.add(m.group(1).replace("\"", ""));
            }
        }
        for (String source : javaSources(folder)) {
            Matcher m = INCOMING_IN_CODE.matcher(source);
            while (m.find()) {
                String channel = m.group(1);
                boolean otherConnector = config.get("mp.messaging.incoming." + channel + ".connector")
                        .filter(c -> !"smallrye-kafka".equals(c)).isPresent();
                if (!otherConnector) {
                    channels.add(channel);
                }
            }
        }
        return channels;
    }

    /** The texts of the module's main Java sources. */
    static List<String> javaSources(Path folder) {
        Path sources = folder.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return properties;
    }

    /** A service's properties over the shared defaults; %prod. keys win, other profiles' keys are ignored. */
    record Config(Properties defaults, Properties own) {

        Optional<String> get(String key) {
            for (Properties source : List.of(own, defaults)) {
                for (String candidate : List.of("%prod." + key, key)) {
                    String value = source.getProperty(candidate);
                    if (value != null) {
                        return Optional.of(value.trim());
                    }
                }
            }
            return Optional.empty();
        }

        Set<String> keys() {
            Set<String> keys = new TreeSet<>();
            for (Properties source : List.of(defaults, own)) {
                for (String key : source.stringPropertyNames()) {
                    if (key.startsWith("%prod.")) {
                        keys.add(key.substring("%prod.".length()));
                    } else if (!key.startsWith("%")) {
                        keys.add(key);
                    }
                }
            }
            return keys;
        }
    }
}
