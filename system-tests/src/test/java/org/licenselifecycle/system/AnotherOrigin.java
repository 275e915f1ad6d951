package org.licenselifecycle.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A page of another origin of the same site as the console (http://localhost on another port), as in issue 12:
 * it auto-submits a form to the console the moment it loads, riding on whatever session the browser has there.
 */
final class AnotherOrigin implements AutoCloseable {

    private final HttpServer server;

    private AnotherOrigin(HttpServer server) {
        this.server = server;
    }

    /** Serves, at {@link #url()}, a page that posts {@code fields} to {@code action} as soon as it loads. */
    static AnotherOrigin autoSubmitting(String action, Map<String, String> fields) {
        String inputs = fields.entrySet().stream()
                .map(f -> "<input type=\"hidden\" name=\"" + f.getKey() + "\" value=\"" + f.getValue() + "\">")
                .collect(Collectors.joining());
        byte[] page = ("<!DOCTYPE html><html><head><title>You won a prize</title></head><body>"
                + "<form id=\"forged\" method=\"post\" action=\"" + action + "\">" + inputs + "</form>"
                + "<script>document.getElementById('forged').submit();</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return new AnotherOrigin(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** localhost, like the console: same site, another origin. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
