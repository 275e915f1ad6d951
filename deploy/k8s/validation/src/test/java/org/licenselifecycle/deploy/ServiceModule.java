package org.licenselifecycle.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service as its own module describes it: its name and HTTP port, the Kafka topics it consumes and
 * dead-letters to (application.properties over the shared defaults of service-support, as Quarkus reads them
 * in the prod profile), and the request paths its JAX-RS resources serve.
 */
record ServiceModule(String name, Path folder, int httpPort, Set<String> consumedTopics, Set<String> deadLetterTopics) {

    private static final Path SHARED_DEFAULTS = Path.of("service-support/src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern INCOMING_CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");
    private static final Pattern INCOMING_IN_CODE = Pattern.compile("@Incoming\\(\"([^\"]+)\"\\)");

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
        Set<String> consumed = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        for (String channel : incomingKafkaChannels(config, folder)) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String topic = config.get(prefix + "topic").orElse(channel);
            consumed.add(topic);
            if (config.get(prefix + "failure-strategy").filter("dead-letter-queue"::equals).isPresent()) {
                // SmallRye's default name, so that a forgotten dead-letter-queue.topic shows up as a missing topic
                deadLetters.add(config.get(prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + topic));
            }
        }
        int port = Integer.parseInt(config.get("quarkus.http.port").orElse("8080"));
        return Optional.of(new ServiceModule(name.get(), folder, port, consumed, deadLetters));
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
    private record Config(Properties defaults, Properties own) {

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
