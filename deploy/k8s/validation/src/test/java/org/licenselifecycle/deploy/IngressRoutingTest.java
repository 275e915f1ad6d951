package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One host serves the Graph APIs of both services (and the admin APIs): the Ingress's regular-expression
 * paths, evaluated as ingress-nginx does, send each request path to the service that serves it.
 */
class IngressRoutingTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void graphLicenseOperationsReachLicensingAndOtherUserRequestsReachDirectory(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        assertThat(routes.serviceFor("/v1.0/users/x/assignLicense")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/users/adele.vance@contoso.com/assignLicense")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/users/x/licenseDetails")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/subscribedSkus")).contains("licensing-service");
        assertThat(routes.serviceFor("/v1.0/directory/subscriptions")).contains("licensing-service");

        assertThat(routes.serviceFor("/v1.0/users")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/users/x")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/users/adele.vance@contoso.com")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/microsoft.graph.user")).contains("directory-service");
        assertThat(routes.serviceFor("/v1.0/directory/deletedItems/x/restore")).contains("directory-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
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
        assertThat(routes.serviceFor("/api/v1/purge-runs")).contains("data-lifecycle-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void healthMetricsAndLookAlikePathsAreNotRouted(String overlay) {
        IngressNginxRoutes routes = routes(overlay);

        assertThat(routes.serviceFor("/q/metrics")).isEmpty();
        assertThat(routes.serviceFor("/q/health/ready")).isEmpty();
        assertThat(routes.serviceFor("/v1.0/usersX")).isEmpty();
        assertThat(routes.serviceFor("/v1.0/subscribedSkusX")).isEmpty();
        assertThat(routes.serviceFor("/api/v1/usersX")).isEmpty();
        assertThat(routes.serviceFor("/v2.0/users")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPathTheServicesServeReachesTheServiceThatServesIt(String overlay) {
        IngressNginxRoutes routes = routes(overlay);
        for (ServiceModule service : ServiceModule.all()) {
            List<String> served = ServedPaths.of(service);
            assertThat(served).as("request paths found in %s's resources", service.name()).isNotEmpty();
            for (String path : served) {
                assertThat(routes.serviceFor(path))
                        .as("%s: %s is served by %s, but the Ingress does not send it there: add or widen a path"
                                + " in deploy/k8s/base/ingress.yaml (longest regex wins)", overlay, path, service.name())
                        .contains(service.name());
            }
        }
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
                    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.LICENSE_ADMINISTRATOR})
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
    @MethodSource("overlays")
    void theIngressUsesRegexPathsOnOneHostAndBackendsThatExist(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode ingress = manifests.single("Ingress");

        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1use-regex").asText()).isEqualTo("true");
        assertThat(ingress.at("/spec/rules")).hasSize(1);
        for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
            String regex = path.path("path").asText();
            assertThat(path.path("pathType").asText()).as(regex).isEqualTo("ImplementationSpecific");
            assertThat(regex).as("an absolute path").startsWith("/");
            // Kubernetes' ingress-nginx accepts RE2 syntax only: no look-around, no back-references
            assertThat(regex).as("RE2 syntax").doesNotContain("(?=", "(?!", "(?<", "\\1");
            String service = path.at("/backend/service/name").asText();
            JsonNode serviceObject = manifests.get("Service", service);
            String port = path.at("/backend/service/port/name").asText();
            assertThat(serviceObject.at("/spec/ports").findValuesAsText("name")).as("%s port", service).contains(port);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachOverlayServesItsOwnHost(String overlay) {
        assertThat(host(overlay)).isNotBlank().doesNotContain("*");
        assertThat(Overlays.names().stream().map(IngressRoutingTest::host).distinct()).hasSameSizeAs(Overlays.names());
    }

    @Test
    void productionServesItsHostOverTls() {
        JsonNode ingress = Overlays.rendered("prod").single("Ingress");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(host("prod"));
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
    }

    private static IngressNginxRoutes routes(String overlay) {
        IngressNginxRoutes routes = IngressNginxRoutes.forHost(Overlays.rendered(overlay), host(overlay));
        assertThat(routes.isEmpty()).as("%s has routes", overlay).isFalse();
        return routes;
    }

    private static String host(String overlay) {
        return Overlays.rendered(overlay).single("Ingress").at("/spec/rules/0/host").asText();
    }
}
