package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One host serves the Graph APIs of both services (and the admin APIs): the Ingress's regular-expression
 * paths, evaluated as ingress-nginx does, send each request path to the service that serves it, under every name
 * Graph accepts for an action or a cast; {@code /internal/} paths go nowhere. The admin
 * console, where it signs in with OIDC, has a host of its own, where every path reaches it; the API host never
 * sends anything to it.
 */
class IngressRoutingTest {

    /** Paths the services serve one another (directory's answers to licensing), never routed by the Ingress. */
    private static final String INTERNAL = "/internal/";

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void graphLicenseOperationsReachLicensingAndOtherUserRequestsReachDirectory(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        assertThat(routes.serviceFor("/v1.0/users/x/assignLicense")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/users/adele.vance@contoso.com/assignLicense")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/users/x/licenseDetails")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/users/x/reprocessLicenseAssignment")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/groups/x/assignLicense")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/groups/x/reprocessLicenseAssignment")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/subscribedSkus")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/directory/subscriptions")).contains("licensing-service");

        assertThat(routes.serviceFor("/v1.0/users")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/users/x")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/users/adele.vance@contoso.com")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/microsoft.graph.user")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/x/restore")).contains("directory-service");
    }

    /** Groups are directory's, except the licenses a group gives (group-based licensing), which are licensing's. */
    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void groupsReachDirectoryAndTheirLicenseActionsReachLicensing(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        for (String path : List.of("/v1.0/groups", "/v1.0/groups/x", "/v1.0/groups/x/members",
                "/v1.0/groups/x/members/$ref", "/v1.0/groups/x/members/y/$ref", "/v1.0/users/x/memberOf")) {
            assertThat(routes.serviceFor(path)).as(path).contains("directory-service");
        }
        for (String action : List.of("assignLicense", "reprocessLicenseAssignment", "microsoft.graph.assignLicense",
                "graph.reprocessLicenseAssignment")) {
            assertThat(routes.serviceFor("/v1.0/groups/x/" + action)).as(action).contains("licensing-service");
        }
        assertThat(routes.serviceFor("/v1.0/groupsX")).isEmpty();
        assertThat(routes.serviceFor("/internal/groups/x")).isEmpty();
    }

    /** Graph's other names of the actions and casts (service-support's QualifiedNames), as clients send them. */
    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void qualifiedActionsAndCastsReachTheServiceOfTheirPlainName(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        for (String action : List.of("microsoft.graph.assignLicense", "graph.assignLicense", "Microsoft.Graph.assignLicense")) {
            assertThat(routes.serviceFor("/v1.0/users/x/" + action)).as(action).contains("licensing-service");
            assertThat(routes.serviceFor("/v1.0/users/adele.vance@contoso.com/" + action)).as(action).contains("licensing-service");
        }
        assertThat(routes.serviceFor("/v1.0/groups/x/microsoft.graph.assignLicense")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/users/x/microsoft.graph.reprocessLicenseAssignment")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/x/microsoft.graph.restore")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/x/graph.restore")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/graph.user")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/x/microsoft.graph.user")).contains("directory-service");
        // look-alikes of licensing's actions stay with directory, which answers 404 for them
        assertThat(routes.serviceFor("/v1.0/users/x/microsoft.assignLicense")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/users/x/microsoft.graph.assignLicenseX")).contains("directory-service");
    }

    /**
     * Every action a service's resources bind (a POST to /v1.0/.../{key}/name) is listed in its
     * graph.qualified-names.actions, so that it answers under its qualified names too, and nothing else is listed.
     */
    @Test
    void everyActionAServiceBindsIsListedForItsQualifiedNames() {
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(ServedPaths.listed(service, "graph.qualified-names.actions"))
                    .as("%s: graph.qualified-names.actions in its application.properties", service.name())
                    .isEqualTo(ServedPaths.boundActions(service));
        }
        ServiceModule licensing = service("licensing-service");
        assertThat(ServedPaths.boundActions(licensing)).contains("assignLicense");
        assertThat(ServedPaths.of(licensing)).contains("/v1.0/users/x/microsoft.graph.assignLicense",
                "/v1.0/users/x/graph.assignLicense");
        ServiceModule directory = service("directory-service");
        assertThat(ServedPaths.boundActions(directory)).contains("restore");
        assertThat(ServedPaths.of(directory)).contains("/v1.0/directory/deletedItems/x/microsoft.graph.restore",
                "/v1.0/directory/deletedItems/graph.user", "/v1.0/directory/deletedItems/x/graph.user");
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void adminApisReachTheirServiceEvenUnderTheSameUsersPrefix(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        assertThat(routes.serviceFor("/api/v1/licenses")).contains("licensing-service");
        assertThat(routes.serviceFor("/api/v1/licenses/x/users")).contains("licensing-service");
        assertThat(routes.serviceFor("/api/v1/subscriptions/x")).contains("licensing-service");
        assertThat(routes.serviceFor("/api/v1/users/x/licenses")).contains("licensing-service");
        assertThat(routes.serviceFor("/api/v1/users/x/mailboxes")).contains("licensing-service");
        assertThat(routes.serviceFor("/api/v1/users/x/mailbox")).contains("data-lifecycle-service");
        assertThat(routes.serviceFor("/api/v1/users/x/mailbox/items")).contains("data-lifecycle-service");
        assertThat(routes.serviceFor("/api/v1/users/x/onedrive")).contains("data-lifecycle-service");
        assertThat(routes.serviceFor("/api/v1/users/x/timeline")).contains("data-lifecycle-service");
        assertThat(routes.serviceFor("/api/v1/users/x/dataOutcome")).contains("data-lifecycle-service");
        assertThat(routes.serviceFor("/api/v1/users/x/dataOutcome/ifDeleted")).contains("data-lifecycle-service");
        assertThat(routes.serviceFor("/api/v1/purge-runs")).contains("data-lifecycle-service");
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void eachServicesOperationsApiReachesThatService(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        // service-support's SetAsideEventsResource, served by every service under its own name
        for (String service : List.of("directory-service", "licensing-service", "data-lifecycle-service")) {
            assertThat(routes.serviceFor("/api/v1/operations/" + service + "/outbox/set-aside")).contains(service);
            assertThat(routes.serviceFor("/api/v1/operations/" + service + "/outbox/set-aside/x/retry")).contains(service);
        }
        assertThat(routes.serviceFor("/api/v1/operations/other-service/outbox/set-aside")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void healthMetricsAndLookAlikePathsAreNotRouted(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        assertThat(routes.serviceFor("/q/metrics")).isEmpty();
        assertThat(routes.serviceFor("/q/health/ready")).isEmpty();
        assertThat(routes.serviceFor("/v1.0/usersX")).isEmpty();
        assertThat(routes.serviceFor("/v1.0/subscribedSkusX")).isEmpty();
        assertThat(routes.serviceFor("/api/v1/usersX")).isEmpty();
        assertThat(routes.serviceFor("/v2.0/users")).isEmpty();
        assertThat(routes.serviceFor("/internal/users/x")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyPathTheServicesAndTheConsoleServeReachesThemOnTheirHost(String overlay) {
        boolean consoleHost = Overlays.withAConsoleHost().contains(overlay);
        for (ServiceModule service : ServiceModule.all()) {
            boolean console = AdminConsole.NAME.equals(service.name());
            if (console && !consoleHost) {
                continue; // no Ingress for a demo sign-in (TokenTrustTest)
            }
            IngressNginxRoutes routes = console ? consoleRoutes(overlay) : routes(overlay);
            List<String> served = ServedPaths.of(service);
            assertThat(served).as("request paths found in %s's resources", service.name()).isNotEmpty();
            for (String path : served) {
                if (path.startsWith(INTERNAL)) {
                    assertThat(routes.serviceFor(path)).as("%s: %s is for the services among themselves", overlay, path)
                            .isEmpty();
                    continue;
                }
                assertThat(routes.serviceFor(path))
                        .as("%s: %s is served by %s, but the Ingress of its host does not send it there: add or widen a"
                                + " path in deploy/k8s/base/ingress.yaml (longest regex wins)", overlay, path, service.name())
                        .contains(service.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#withAConsoleHost")
    void theConsoleHasAHostOfItsOwn(String overlay) {
        IngressNginxRoutes console = consoleRoutes(overlay);
        assertThat(console.serviceFor("/")).contains(AdminConsole.NAME);
        assertThat(console.serviceFor("/licenses")).contains(AdminConsole.NAME);
        assertThat(console.serviceFor("/users/x/licenses")).contains(AdminConsole.NAME);
        assertThat(console.serviceFor("/sign-in")).contains(AdminConsole.NAME);

        assertThat(backends(Overlays.rendered(overlay).get("Ingress", AdminConsole.NAME)))
                .as("the console's host routes only to the console").containsOnly(AdminConsole.NAME);
        assertThat(consoleHost(overlay)).as("two hosts").isNotEqualTo(host(overlay));
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theApiHostNeverReachesTheConsole(String overlay) {
        assertThat(backends(Overlays.rendered(overlay).get("Ingress", AdminConsole.API_INGRESS)))
                .as("the API host never routes to the console").isNotEmpty().doesNotContain(AdminConsole.NAME);
    }

    @Test
    void servedPathsJoinTheClassPathWithEachResourceMethodsPath() {
        String resource = """
                /** Graph's license operations on a user. */
                @Path("/v1.0/users/{id}")
                @Produces(MediaType.APPLICATION_JSON)
                public class GraphUsersResource {

                    @POST
                    @Path("/assignLicense")
                    @PermissionsAllowed(Operations.ASSIGN_LICENSES)
                    public GraphUser assignLicense(@PathParam("id") String id, AssignLicenseBody body) {
                        return null;
                    }

                    @GET
                    @Operation(summary = "The user",
                            description = "as Graph shows it")
                    public GraphUser user(@PathParam("id") String id) {
                        return null;
                    }
                }
                """;

        assertThat(ServedPaths.of(resource)).containsExactly("/v1.0/users/x/assignLicense", "/v1.0/users/x");
        assertThat(ServedPaths.of("public class NotAResource {\n    @GET\n    void x() {\n    }\n}")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theApiIngressUsesRegexPathsOnOneHostAndBackendsThatExist(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode ingress = manifests.get("Ingress", AdminConsole.API_INGRESS);

        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1use-regex").asText()).isEqualTo("true");
        assertThat(ingress.at("/spec/rules")).hasSize(1);
        for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
            String regex = path.path("path").asText();
            assertThat(path.path("pathType").asText()).as(regex).isEqualTo("ImplementationSpecific");
            assertThat(regex).as("an absolute path").startsWith("/");
            // Kubernetes' ingress-nginx accepts RE2 syntax only: no look-around, no back-references
            assertThat(regex).as("RE2 syntax").doesNotContain("(?=", "(?!", "(?<", "\\1");
        }
        for (JsonNode anyIngress : manifests.ofKind("Ingress")) {
            for (JsonNode path : anyIngress.at("/spec/rules/0/http/paths")) {
                String service = path.at("/backend/service/name").asText();
                JsonNode serviceObject = manifests.get("Service", service);
                String port = path.at("/backend/service/port/name").asText();
                assertThat(serviceObject.at("/spec/ports").findValuesAsText("name")).as("%s port", service).contains(port);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void eachOverlayServesItsOwnHosts(String overlay) {
        assertThat(host(overlay)).isNotBlank().doesNotContain("*");
        assertThat(Overlays.names().stream().map(IngressRoutingTest::host).distinct()).hasSameSizeAs(Overlays.names());
        List<String> withConsole = Overlays.withAConsoleHost();
        if (withConsole.contains(overlay)) {
            assertThat(consoleHost(overlay)).isNotBlank().doesNotContain("*");
        }
        assertThat(withConsole.stream().map(IngressRoutingTest::consoleHost).distinct()).hasSameSizeAs(withConsole);
    }

    @Test
    void productionServesBothHostsOverTlsWithCertificatesTheReadmeSaysHowToCreate() throws Exception {
        String readme = Files.readString(ProjectRoot.k8s().resolve("README.md"));
        List<ObjectNode> ingresses = Overlays.rendered("prod").ofKind("Ingress");
        assertThat(ingresses).extracting(Manifests::name).containsExactlyInAnyOrder(AdminConsole.API_INGRESS, AdminConsole.NAME);
        for (JsonNode ingress : ingresses) {
            String what = Manifests.describe(ingress);
            assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).as(what).isEqualTo(ingress.at("/spec/rules/0/host").asText());
            String secret = ingress.at("/spec/tls/0/secretName").asText();
            assertThat(secret).as(what).isNotBlank();
            assertThat(readme).as("%s: deploy/k8s/README.md says where the Secret %s comes from", what, secret).contains(secret);
        }
    }

    private static ServiceModule service(String name) {
        return ServiceModule.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> backends(JsonNode ingress) {
        return ingress.at("/spec/rules").findValues("service").stream().map(service -> service.path("name").asText()).toList();
    }

    /** The API host's routes. */
    private static IngressNginxRoutes routes(String overlay) {
        IngressNginxRoutes routes = IngressNginxRoutes.forHost(Overlays.rendered(overlay), host(overlay));
        assertThat(routes.isEmpty()).as("%s has routes", overlay).isFalse();
        return routes;
    }

    private static IngressNginxRoutes consoleRoutes(String overlay) {
        IngressNginxRoutes routes = IngressNginxRoutes.forHost(Overlays.rendered(overlay), consoleHost(overlay));
        assertThat(routes.isEmpty()).as("%s has console routes", overlay).isFalse();
        return routes;
    }

    /** The host of the Graph and admin APIs. */
    private static String host(String overlay) {
        JsonNode ingress = Overlays.rendered(overlay).get("Ingress", AdminConsole.API_INGRESS);
        assertThat(ingress.at("/spec/rules")).as(overlay + ": one host for the APIs").hasSize(1);
        return ingress.at("/spec/rules/0/host").asText();
    }

    private static String consoleHost(String overlay) {
        JsonNode ingress = Overlays.rendered(overlay).get("Ingress", AdminConsole.NAME);
        assertThat(ingress.at("/spec/rules")).as(overlay + ": one host for the console").hasSize(1);
        return ingress.at("/spec/rules/0/host").asText();
    }
}
