package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local gateway (deploy/local/gateway: Debian's nginx, configured from the Ingress by nginx-conf) and the Ingress
 * send every path the services serve to the same service. Checked two ways: on the generated configuration's locations,
 * read as nginx selects them (needs yq and jq), and through the real nginx running that configuration in front of a
 * stub per service (needs nginx too; skipped, saying so, where it is not installed, unless -Dlocal.gateway.required).
 * Through nginx it also checks that a request goes on as the client sent it, with ingress-nginx's forwarded headers,
 * and that the gateway takes the bodies the services take.
 */
class LocalGatewayTest {

    private static final List<String> SERVICES = List.of("directory-service", "licensing-service", "data-lifecycle-service");
    private static final Pattern LOCATION = Pattern.compile(
            "location ~\\* \"\\^([^\"]+)\" \\{\\s*proxy_pass http://([a-z0-9-]+);");
    private static final Pattern UPSTREAM = Pattern.compile("upstream ([a-z0-9-]+) \\{\\s*server ([^;\\s]+);");

    /** Paths no service serves, or only in another spelling: the Ingress and the gateway must agree on them too. */
    private static final List<String> OTHER_PATHS = List.of("/", "/q/health/ready", "/q/metrics", "/v2.0/users",
            "/v1.0/usersX", "/v1.0/subscribedSkusX", "/api/v1/usersX", "/api/v1/operations/other-service/outbox/set-aside",
            "/V1.0/USERS/x/ASSIGNLICENSE", "/v1.0/Users", "/v1.0/users/adele.vance%40contoso.com/assignLicense",
            "/v1.0/users/adele.vance@contoso.com/licenseDetails");

    private static StubServices stubs;
    private static LocalGateway gateway;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        if (stubs != null) {
            stubs.clear();
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theGeneratedLocationsSendEveryServedPathWhereTheIngressSendsIt(String overlay) {
        Map<String, Integer> ports = Map.of("directory-service", 18081, "licensing-service", 18082,
                "data-lifecycle-service", 18083);
        String config = LocalGateway.configuration(ports);

        Map<String, String> upstreams = upstreams(config);
        ports.forEach((service, port) -> assertThat(upstreams).containsEntry(service, LocalGateway.HOST + ":" + port));
        IngressNginxRoutes ingress = ingressRoutes(overlay);
        for (String path : pathsToCompare()) {
            assertThat(nginxWouldPick(config, path)).as("%s: the generated location for %s", overlay, path)
                    .isEqualTo(ingress.serviceFor(path));
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void throughNginxEveryServedPathReachesTheServiceTheIngressSendsItTo(String overlay) throws Exception {
        LocalGateway gateway = gateway();
        IngressNginxRoutes ingress = ingressRoutes(overlay);
        for (String path : pathsToCompare()) {
            stubs.clear();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> expected = ingress.serviceFor(path);
            if (expected.isPresent()) {
                assertThat(response.statusCode()).as("%s: GET %s through the gateway", overlay, path).isEqualTo(200);
                assertThat(response.body()).as("%s: the service that answered GET %s through the gateway, where the"
                        + " Ingress sends it to %s", overlay, path, expected.get()).isEqualTo(expected.get());
                assertThat(stubs.received()).singleElement().extracting(StubServices.Received::rawUri).isEqualTo(path);
            } else {
                assertThat(response.statusCode()).as("%s: GET %s, which the Ingress routes nowhere", overlay, path)
                        .isEqualTo(404);
                assertThat(stubs.received()).as("no service received %s", path).isEmpty();
            }
        }
    }

    @Test
    void aRequestGoesOnAsTheClientSentItWithTheForwardedHeadersOfIngressNginx() throws Exception {
        LocalGateway gateway = gateway();
        String clientRequestId = UUID.randomUUID().toString();
        String pathAndQuery = "/v1.0/users?$filter=startswith(displayName,%27Ad%C3%A8le%27)&$count=true&$top=2";
        byte[] body = "{\"displayName\":\"Adèle\",\"extra\":[1,2,3]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(gateway.uri(pathAndQuery))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.c2ln")
                .header("client-request-id", clientRequestId)
                .header("SdkVersion", "graph-java/6.69.0, graph-java-core/3.6.5")
                .header("ConsistencyLevel", "eventual")
                .header("Prefer", "return=minimal")
                .header("User-Agent", "kotlin-kiota/1.8")
                .header("Accept", "application/json;q=1")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Request-ID", "caller-chose-this")
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        StubServices.Received received = stubs.received().get(0);
        assertThat(received.service()).isEqualTo("directory-service");
        assertThat(received.method()).isEqualTo("PATCH");
        assertThat(received.rawUri()).as("path and query unchanged, percent-encoding included").isEqualTo(pathAndQuery);
        assertThat(received.body()).isEqualTo(body);
        Map<String, String> unchanged = Map.of("authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.c2ln",
                "client-request-id", clientRequestId, "sdkversion", "graph-java/6.69.0, graph-java-core/3.6.5",
                "consistencylevel", "eventual", "prefer", "return=minimal", "user-agent", "kotlin-kiota/1.8",
                "accept", "application/json;q=1", "content-type", "application/json; charset=utf-8",
                "x-request-id", "caller-chose-this");
        unchanged.forEach((name, value) -> assertThat(received.header(name)).as(name).containsExactly(value));
        String authority = LocalGateway.HOST + ":" + gateway.port();
        assertThat(received.header("Host")).as("the Host the client called").containsExactly(authority);
        assertThat(received.header("X-Forwarded-Host")).containsExactly(authority);
        assertThat(received.header("X-Forwarded-Proto")).containsExactly("http");
        assertThat(received.header("X-Forwarded-Port")).containsExactly(Integer.toString(gateway.port()));
        assertThat(received.header("X-Forwarded-For")).containsExactly(LocalGateway.HOST);
    }

    @Test
    void theGatewayTakesTheBodiesTheServicesTakeAndRefusesLargerOnes() throws Exception {
        LocalGateway gateway = gateway();
        long limit = bytes(ingressAnnotation("proxy-body-size").orElse("1m"));
        byte[] largest = new byte[(int) limit];
        new Random(13).nextBytes(largest);

        HttpResponse<String> taken = HTTP.send(post(gateway, largest), HttpResponse.BodyHandlers.ofString());
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(stubs.received()).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo(largest));

        stubs.clear();
        HttpResponse<String> refused = HTTP.send(post(gateway, new byte[(int) limit + 1]), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(stubs.received()).isEmpty();
    }

    @Test
    void theIngressTakesTheBodiesTheServicesTake() {
        Optional<String> annotation = ingressAnnotation("proxy-body-size");
        assertThat(annotation).as("nginx.ingress.kubernetes.io/proxy-body-size of the API Ingress (ingress-nginx's"
                + " default is 1m)").isPresent();
        for (ServiceModule service : ServiceModule.all()) {
            if (SERVICES.contains(service.name())) {
                assertThat(bytes(annotation.get())).as("%s's quarkus.http.limits.max-body-size", service.name())
                        .isEqualTo(bytes(service.setting("quarkus.http.limits.max-body-size").orElse("10240K")));
            }
        }
    }

    private static HttpRequest post(LocalGateway gateway, byte[] body) {
        return HttpRequest.newBuilder(gateway.uri("/v1.0/users/x/assignLicense"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json").build();
    }

    /** The gateway, with a stub per service behind it, started on first use and kept for the class. */
    private static synchronized LocalGateway gateway() {
        if (gateway == null) {
            LocalGateway.assumeInstalled("nginx", "yq", "jq");
            stubs = new StubServices(SERVICES);
            gateway = LocalGateway.start(stubs.ports());
        }
        return gateway;
    }

    /** Every path the three services serve, and the look-alikes. */
    private static List<String> pathsToCompare() {
        List<String> paths = new ArrayList<>();
        for (ServiceModule service : ServiceModule.all()) {
            if (SERVICES.contains(service.name())) {
                List<String> served = ServedPaths.of(service);
                assertThat(served).as("request paths found in %s's resources", service.name()).isNotEmpty();
                paths.addAll(served);
            }
        }
        paths.addAll(OTHER_PATHS);
        return paths;
    }

    private static IngressNginxRoutes ingressRoutes(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        String host = manifests.get("Ingress", AdminConsole.API_INGRESS).at("/spec/rules/0/host").asText();
        return IngressNginxRoutes.forHost(manifests, host);
    }

    private static Optional<String> ingressAnnotation(String name) {
        String value = Overlays.rendered(Overlays.names().get(0)).get("Ingress", AdminConsole.API_INGRESS)
                .at("/metadata/annotations/nginx.ingress.kubernetes.io~1" + name).asText();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The upstream nginx would send a path to under this configuration: its regex locations are tried in the order
     * written and the first that matches wins (the prefix location "/" answers 404 when none does).
     */
    private static Optional<String> nginxWouldPick(String config, String path) {
        String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("/{2,}", "/"); // nginx matches the decoded URI with merged slashes
        Matcher location = LOCATION.matcher(config);
        while (location.find()) {
            if (Pattern.compile("^" + location.group(1), Pattern.CASE_INSENSITIVE).matcher(decoded).find()) {
                return Optional.of(location.group(2));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> upstreams(String config) {
        Map<String, String> upstreams = new java.util.TreeMap<>();
        Matcher upstream = UPSTREAM.matcher(config);
        while (upstream.find()) {
            upstreams.put(upstream.group(1), upstream.group(2));
        }
        return upstreams;
    }

    /** An nginx size (4m, 512k) or a Quarkus MemorySize (4M, 10240K) in bytes. */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a size: " + size);
        }
        long unit = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }
}
