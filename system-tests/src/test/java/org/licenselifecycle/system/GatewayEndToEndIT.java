package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Graph base URL on one machine: the local gateway (nginx routed by the Ingress) in front of the services as
 * built. One Graph SDK client with the gateway's base URL does a whole job, a user created (directory-service) and
 * licensed (licensing-service), and the services' absolute URLs name the gateway, not their own ports.
 */
class GatewayEndToEndIT {

    private static final UUID BUSINESS_PREMIUM = UUID.fromString(AdminClient.BUSINESS_PREMIUM);

    private static RunningSystem system;
    private static Gateway gateway;

    @BeforeAll
    static void startTheSystemAndItsGateway() {
        system = RunningSystem.get();
        gateway = Gateway.inFrontOf(system.services());
    }

    @AfterAll
    static void stopTheGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void oneSdkClientWithTheGatewaysBaseUrlCreatesAUserAndAssignsALicense() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 2);
        GraphServiceClient graph = client(admin.globalAdmin, gateway.graphUrl());

        User created = graph.users().post(newUser("gateway.sdk"));
        String id = created.getId();
        assertThat(created.getUserPrincipalName()).isEqualTo("gateway.sdk@contoso.onmicrosoft.com");

        AssignLicensePostRequestBody add = new AssignLicensePostRequestBody();
        AssignedLicense premium = new AssignedLicense();
        premium.setSkuId(BUSINESS_PREMIUM);
        premium.setDisabledPlans(List.of());
        add.setAddLicenses(List.of(premium));
        add.setRemoveLicenses(List.of());
        // licensing learns of a new user from directory's events a moment later, and answers 404 until then
        User licensed = await("licensing assigns Business Premium to " + id).atMost(AdminClient.EVENTUALLY)
                .ignoreExceptionsMatching(e -> e instanceof ODataError error && error.getResponseStatusCode() == 404)
                .until(() -> graph.users().byUserId(id).assignLicense().post(add), user -> user != null);

        assertThat(licensed.getId()).isEqualTo(id);
        assertThat(licensed.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(BUSINESS_PREMIUM);
        List<LicenseDetails> details = graph.users().byUserId(id).licenseDetails().get().getValue();
        assertThat(details).extracting(LicenseDetails::getSkuId).containsExactly(BUSINESS_PREMIUM);
        assertThat(graph.users().byUserId(id).get().getUserPrincipalName()).isEqualTo("gateway.sdk@contoso.onmicrosoft.com");
        assertThat(admin.licensesOf(id)).as("what licensing holds, asked on its own port").containsExactly(AdminClient.BUSINESS_PREMIUM);

        // each call went through the gateway, which sent it to the service the Ingress names
        String log = gateway.log();
        assertThat(log).containsPattern("\"POST /v1\\.0/users HTTP/1\\.1\" 201 .* -> 127\\.0\\.0\\.1:" + system.directory.port());
        assertThat(log).containsPattern("\"POST /v1\\.0/users/" + id + "/assignLicense HTTP/1\\.1\" 200 .* -> 127\\.0\\.0\\.1:"
                + system.licensing.port());
    }

    @Test
    void theServicesAbsoluteUrlsNameTheGatewayAndTheClientRequestIdComesBack() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 1);
        String clientRequestId = UUID.randomUUID().toString();

        Response created = given().baseUri(gateway.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .header("client-request-id", clientRequestId)
                .body(Map.of("accountEnabled", true, "displayName", "Gateway Location", "mailNickname", "gateway.location",
                        "userPrincipalName", "gateway.location@contoso.onmicrosoft.com",
                        "passwordProfile", Map.of("forceChangePasswordNextSignIn", true, "password", "xWwvJ]6NMw+bWH-d")))
                .post("/v1.0/users");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo(gateway.graphUrl() + "/users/" + id);
        assertThat(created.<String>path("'@odata.context'")).startsWith(gateway.graphUrl() + "/$metadata#users");
        assertThat(created.header("client-request-id")).isEqualTo(clientRequestId);
        admin.createUser("gateway.second");

        String nextLink = given().baseUri(gateway.baseUrl()).auth().oauth2(admin.globalAdmin).queryParam("$top", 1)
                .get("/v1.0/users").then().statusCode(200).extract().path("'@odata.nextLink'");
        assertThat(nextLink).startsWith(gateway.graphUrl() + "/users?");
        given().auth().oauth2(admin.globalAdmin).get(URI.create(nextLink)).then().statusCode(200);

        String skusContext = given().baseUri(gateway.baseUrl()).auth().oauth2(admin.globalAdmin).get("/v1.0/subscribedSkus")
                .then().statusCode(200).extract().path("'@odata.context'");
        assertThat(skusContext).isEqualTo(gateway.graphUrl() + "/$metadata#subscribedSkus");
    }

    private static User newUser(String alias) {
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName("Gateway SDK");
        user.setMailNickname(alias);
        user.setUserPrincipalName(alias + "@contoso.onmicrosoft.com");
        user.setUsageLocation("US");
        PasswordProfile password = new PasswordProfile();
        password.setForceChangePasswordNextSignIn(true);
        password.setPassword("xWwvJ]6NMw+bWH-d");
        user.setPasswordProfile(password);
        return user;
    }

    /** Microsoft's Graph Java SDK as an application would set it up, with one base URL and a static token. */
    private static GraphServiceClient client(String token, String baseUrl) {
        AccessTokenProvider staticToken = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("localhost");
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(staticToken));
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }
}
