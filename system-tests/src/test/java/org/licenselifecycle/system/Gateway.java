package org.licenselifecycle.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local gateway in front of the running services, as deploy/local/start runs it: {@code deploy/local/gateway/run}
 * (Debian's nginx, configured from the Kubernetes Ingress), on a free port, its log in
 * {@code target/system-test-logs/gateway.log}. The build installs nginx where missing (deploy/local/gateway/install).
 */
final class Gateway implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private Gateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Gateway inFrontOf(List<ServiceProcess> services) {
        int port = freePort();
        try {
            Path logs = Files.createDirectories(Path.of("target", "system-test-logs"));
            Path prefix = Files.createDirectories(Path.of("target", "gateway").toAbsolutePath());
            Path log = logs.resolve("gateway.log");
            List<String> command = new ArrayList<>(List.of("bash",
                    ServiceProcess.projectRoot().resolve("deploy/local/gateway/run").toString(),
                    "--prefix", prefix.toString(), "--listen", "127.0.0.1:" + port));
            for (ServiceProcess service : services) {
                command.addAll(List.of("--upstream", service.module() + "=127.0.0.1:" + service.port()));
            }
            // appended: nginx opens its access log (standard output) anew
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Gateway gateway = new Gateway(process, port, log);
            await("the gateway listening on " + port + " (log: " + log.toAbsolutePath() + ")")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("deploy/local/gateway/run exited with " + process.exitValue()
                                    + ":\n" + Files.readString(log));
                        }
                        return accepts(port);
                    });
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root, as GATEWAY_URL in deploy/local/.run/env. */
    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The Graph base URL the SDKs take, as GRAPH_URL in deploy/local/.run/env. */
    String graphUrl() {
        return baseUrl() + "/v1.0";
    }

    /** What nginx logged: one access line per request, with the service's address and the client-request-id. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ServiceProcess.stopProcesses(List.of(process), Duration.ofSeconds(20));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
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
