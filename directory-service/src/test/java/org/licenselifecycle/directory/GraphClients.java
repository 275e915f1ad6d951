package org.licenselifecycle.directory;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.Map;

/** Microsoft's Graph Java SDK as shipped (its default middleware, retry handler included), pointed at this service. */
public final class GraphClients {

    private GraphClients() {
    }

    /** A client that sends {@code token} as its bearer token. */
    public static GraphServiceClient withToken(String token) {
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
        client.getRequestAdapter().setBaseUrl("http://localhost:" + RestAssured.port + "/v1.0");
        return client;
    }
}
