package org.licenselifecycle.deploy;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The local gateway as deploy/local/start runs it: {@code deploy/local/gateway/run}, which writes nginx's configuration
 * from the Ingress with {@code deploy/local/gateway/nginx-conf} and becomes Debian's nginx, here in front of the given
 * upstreams on a free port of loopback.
 */
final class LocalGateway implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    /** With {@code -Dlocal.gateway.required=true} (as .ci/run sets) a missing tool fails the tests instead of skipping them. */
    static final String REQUIRED = "local.gateway.required";

    private final Process process;
    private final Path prefix;
    private final Path log;
    private final int port;

    private LocalGateway(Process process, Path prefix, Path log, int port) {
        this.process = process;
        this.prefix = prefix;
        this.log = log;
        this.port = port;
    }

    /** The generated configuration for these upstreams (service name to port on loopback), without running nginx. */
    static String configuration(Map<String, Integer> upstreams) {
        assumeInstalled("yq", "jq");
        List<String> command = new ArrayList<>(List.of("bash", script("nginx-conf").toString(), "--listen", HOST + ":1"));
        command.addAll(upstreamOptions(upstreams));
        try {
            Process generator = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String config = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!generator.waitFor(1, TimeUnit.MINUTES) || generator.exitValue() != 0) {
                generator.destroyForcibly();
                throw new AssertionError("deploy/local/gateway/nginx-conf failed (its message is above)");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Starts the gateway in front of these upstreams and waits until it accepts connections. */
    static LocalGateway start(Map<String, Integer> upstreams) {
        assumeInstalled("nginx", "yq", "jq");
        int port = freePort();
        try {
            Path prefix = Files.createTempDirectory("local-gateway-");
            Path log = prefix.resolve("gateway.log");
            List<String> command = new ArrayList<>(List.of("bash", script("run").toString(), "--prefix", prefix.toString(),
                    "--listen", HOST + ":" + port));
            command.addAll(upstreamOptions(upstreams));
            // appended, as deploy/local/start does: nginx opens its access log (standard output) anew
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LocalGateway gateway = new LocalGateway(process, prefix, log, port);
            await("the gateway listening on " + port + " (log: " + log + ")").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("deploy/local/gateway/run exited with " + process.exitValue() + ":\n"
                                    + Files.readString(log));
                        }
                        return accepts(port);
                    });
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + port + pathAndQuery);
    }

    int port() {
        return port;
    }

    /** SIGTERM to nginx's master (run became it), which ends its workers before it exits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary folder left behind: the system's to clean
        }
    }

    /**
     * Skips the calling test, saying what is missing and how to install it, where the gateway's tools are not installed;
     * fails it instead under {@value #REQUIRED}.
     */
    static void assumeInstalled(String... tools) {
        List<String> missing = Stream.of(tools).filter(tool -> !installed(tool)).toList();
        if (!missing.isEmpty()) {
            String message = String.join(", ", missing) + " not installed (deploy/local/gateway/install installs them)";
            if (Boolean.getBoolean(REQUIRED)) {
                throw new IllegalStateException(message + "; required by -D" + REQUIRED + "=true");
            }
            Assumptions.abort("Skipped: " + message);
        }
    }

    static boolean installed(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static List<String> upstreamOptions(Map<String, Integer> upstreams) {
        List<String> options = new ArrayList<>();
        upstreams.forEach((service, port) -> options.addAll(List.of("--upstream", service + "=" + HOST + ":" + port)));
        return options;
    }

    private static Path script(String name) {
        return ProjectRoot.path().resolve("deploy/local/gateway").resolve(name);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
