package org.licenselifecycle.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our services started as built ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as
 * an operator would run it, with its log in {@code target/system-test-logs}.
 */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String module, Process process, int port, Path log) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String module, Map<String, String> environment) {
        return start(module, module, environment);
    }

    /** Started with its output in {@code target/system-test-logs/<logName>.log}. */
    static ServiceProcess start(String module, String logName, Map<String, String> environment) {
        Path root = projectRoot();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn verify from the root builds it)");
        }
        int port = freePort();
        Path logs = Path.of("target", "system-test-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = logs.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_PROFILE", "local"); // unless the test names another
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            return new ServiceProcess(module, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + module, e);
        }
    }

    /** Waits until the service reports ready (its database reachable; the broker is not needed to be ready). */
    ServiceProcess awaitReady() {
        await(module + " ready (log: " + log.toAbsolutePath() + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(module + " exited with " + process.exitValue()
                                + "; see " + log.toAbsolutePath());
                    }
                    return status("/q/health/ready") == 200;
                });
        return this;
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(module + " still runs after " + atMost + "; see " + log.toAbsolutePath());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for " + module, e);
        }
    }

    /** What the process wrote (standard output and error). */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    String module() {
        return module;
    }

    private int status(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + path).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        stopAll(List.of(this), Duration.ofSeconds(20));
    }

    /**
     * Asks every process to stop at once (SIGTERM) and kills those still running after {@code grace}, all within that
     * one grace. At the JVM's exit the rig's Kafka broker stops in its own hook at the same moment, and a service whose
     * broker is gone does not finish stopping (its Kafka admin client's close waits for calls that cannot complete):
     * stopping the services one after the other, each with a wait of its own, outlasted the 30 seconds Failsafe gives
     * its fork after {@code System.exit}, and the fork was killed with services left running.
     */
    static void stopAll(Collection<ServiceProcess> services, Duration grace) {
        stopProcesses(services.stream().map(service -> service.process).toList(), grace);
    }

    /** {@link #stopAll}'s one way of stopping processes, for any process the tests start (the gateway's too). */
    static void stopProcesses(Collection<Process> processes, Duration grace) {
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Process process : processes) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("directory-service")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Project root not found above " + Path.of("").toAbsolutePath());
    }
}
