package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console as its module and the manifests name it: its Deployment, Service and Ingress are all called
 * admin-console, and the services it calls are its {@code console.<x>-url} settings.
 */
final class AdminConsole {

    static final String NAME = "admin-console";
    /** The Ingress of the Graph and admin APIs (base/ingress.yaml); the console has its own, named {@link #NAME}. */
    static final String API_INGRESS = "license-lifecycle";

    static final String DEMO_SIGN_IN_ENABLED = "CONSOLE_DEMO_SIGN_IN_ENABLED";

    private static final Pattern SERVICE_URL = Pattern.compile("console\\.([a-z-]+)-url");

    private AdminConsole() {
    }

    static ServiceModule module() {
        return ServiceModule.all().stream().filter(m -> NAME.equals(m.name())).findFirst()
                .orElseThrow(() -> new AssertionError("No module " + NAME));
    }

    /**
     * Each service URL the console reads, as the environment variable that sets it (console.directory-url is
     * CONSOLE_DIRECTORY_URL), with the port of its default (http://localhost:8081): the port of the service meant.
     */
    static Map<String, Integer> serviceUrlVariables() {
        Properties properties = properties();
        Map<String, Integer> variables = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = SERVICE_URL.matcher(key);
            if (m.matches()) {
                String variable = "CONSOLE_" + m.group(1).toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
                variables.put(variable, URI.create(properties.getProperty(key).trim()).getPort());
            }
        }
        return variables;
    }

    /**
     * Whether the console of these manifests runs its demo sign-in (anyone who reaches it signs in as an admin):
     * CONSOLE_DEMO_SIGN_IN_ENABLED=true, or a QUARKUS_PROFILE under which its application.properties turns it on.
     */
    static boolean runsDemoSignIn(Manifests manifests) {
        Map<String, JsonNode> env = ServiceDeploymentsTest.environment(manifests,
                ServiceDeploymentsTest.container(manifests.get("Deployment", NAME)));
        if (env.containsKey(DEMO_SIGN_IN_ENABLED)) {
            return Boolean.parseBoolean(env.get(DEMO_SIGN_IN_ENABLED).asText());
        }
        String profile = env.containsKey("QUARKUS_PROFILE") ? env.get("QUARKUS_PROFILE").asText() : "prod";
        return Boolean.parseBoolean(properties().getProperty("%" + profile + ".console.demo-sign-in.enabled", "false"));
    }

    private static Properties properties() {
        Properties properties = new Properties();
        Path file = module().folder().resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
