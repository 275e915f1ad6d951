package org.licenselifecycle.deploy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One small HTTP server per service, on loopback, standing in for the service behind a gateway: it answers every
 * request with 200, its own name in the body and in {@value #SERVICE_HEADER}, and keeps what it received.
 */
final class StubServices implements AutoCloseable {

    static final String SERVICE_HEADER = "X-Stub-Service";

    /** A request as a stub received it: the URI as sent (raw), header names in lower case. */
    record Received(String service, String method, String rawUri, Map<String, List<String>> headers, byte[] body) {

        List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    private final Map<String, HttpServer> servers = new TreeMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    StubServices(List<String> services) {
        for (String service : services) {
            servers.put(service, serve(service));
        }
    }

    /** Each service's port on loopback. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new TreeMap<>();
        servers.forEach((service, server) -> ports.put(service, server.getAddress().getPort()));
        return ports;
    }

    /** What the stubs received, oldest first; cleared by {@link #clear()}. */
    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    private HttpServer serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                received.add(new Received(service, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        lowerCase(exchange.getRequestHeaders()), body));
                byte[] answer = service.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add(SERVICE_HEADER, service);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> map = new TreeMap<>();
        headers.forEach((name, values) -> map.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        return map;
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        threads.shutdownNow();
    }
}
