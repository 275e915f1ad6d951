package org.licenselifecycle.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for directory-service and licensing-service, for the console's own tests only (the browser
 * tests in system-tests use the real services): canned answers in the services' shapes, including their
 * refusals, and a record of what was sent. data-lifecycle-service is a closed port: "did not answer".
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final String LEE = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String DIEGO = "aaaaaaaa-0000-4000-8000-000000000002";
    static final String ADELE = "aaaaaaaa-0000-4000-8000-000000000003";
    /** Holds Business Premium inherited from the group {@link #SALES}. */
    static final String GRADY = "aaaaaaaa-0000-4000-8000-000000000004";
    static final String SALES = "bbbbbbbb-0000-4000-8000-000000000001";
    /**
     * Holds Office 365 E3 kept from {@link #SALES}, which no longer gives it, for a direct add-on (Error,
     * DependencyViolation), and Business Premium from Sales whose last processing failed (ActiveWithError).
     */
    static final String KIM = "aaaaaaaa-0000-4000-8000-000000000005";
    static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    /** A product whose users the fake refuses to list, as licensing refuses a caller without the role. */
    static final String REFUSED = "6fd2c87f-b296-42f0-b197-1e91e994b900";

    static final List<String> received = new CopyOnWriteArrayList<>();
    /** The query strings of the console's requests for the audit log, decoded, in order. */
    static final List<String> auditLogQueries = new CopyOnWriteArrayList<>();
    /** The bearer tokens the console sent, in order. */
    static final List<String> bearers = new CopyOnWriteArrayList<>();
    /** Each request's W3C trace context, as "{method} {path} {traceparent}". */
    static final List<String> traced = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("console.directory-url", url, "console.licensing-url", url,
                "console.lifecycle-url", "http://127.0.0.1:" + closedPort(),
                "console.demo-sign-in.tenant-id", TENANT);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        received.add(method + " " + path);
        traced.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("traceparent"));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            bearers.add(authorization.substring("Bearer ".length()));
        }
        if (path.equals("/v1.0/roleManagement/directory/roleAssignments")) {
            json(exchange, 200, """
                    {"value":[{"id":"r1","principalId":"%s","roleDefinitionId":"4d6ac14f-3453-41d0-bef9-a3e0c569773a"},
                              {"id":"r2","principalId":"%s","roleDefinitionId":"f2ef992c-3afb-46b9-b7cf-a126ee74c451"}]}"""
                    .formatted(LEE, DIEGO));
        } else if (path.equals("/v1.0/users/" + LEE)) {
            json(exchange, 200, user(LEE, "Lee Gu", "lee.gu"));
        } else if (path.equals("/v1.0/users/" + DIEGO)) {
            json(exchange, 200, user(DIEGO, "Diego Siciliani", "diego.siciliani"));
        } else if (path.equals("/v1.0/users/" + ADELE)) {
            json(exchange, 200, user(ADELE, "Adele Vance", "adele.vance"));
        } else if (path.equals("/api/v1/tenants/current")) {
            // a 21Vianet tenant: the console shows the links directory gives, and holds none of its own
            json(exchange, 200, """
                    {"id":"%s","displayName":"Contoso","defaultDomain":"contoso.partner.onmschina.cn",
                     "domains":["contoso.partner.onmschina.cn"],"cloudInstance":"21Vianet",
                     "adminCenter":{"licensesPage":"https://go.microsoft.com/fwlink/p/?linkid=850625",
                                    "activeUsersPage":"https://go.microsoft.com/fwlink/p/?linkid=850628"}}""".formatted(TENANT));
        } else if (path.equals("/v1.0/users")) {
            json(exchange, 200, "{\"@odata.count\":0,\"value\":[]}");
        } else if (path.equals("/v1.0/auditLogs/directoryAudits")) {
            auditLogQueries.add(exchange.getRequestURI().getQuery());
            json(exchange, 200, """
                    {"@odata.context":"x","@odata.nextLink":"http://127.0.0.1/v1.0/auditLogs/directoryAudits?$skiptoken=page2",
                     "value":[{"id":"e1","activityDisplayName":"Change user license","activityDateTime":"2026-11-23T09:30:00Z",
                               "result":"success","category":"UserManagement",
                               "initiatedBy":{"user":{"id":"%s","displayName":"Lee Gu","userPrincipalName":"lee.gu@contoso.onmicrosoft.com"},"app":null},
                               "targetResources":[{"id":"%s","displayName":"Adele Vance","type":"User",
                                 "userPrincipalName":"adele.vance@contoso.onmicrosoft.com",
                                 "modifiedProperties":[{"displayName":"AssignedLicense","oldValue":"[\\"SPB\\"]","newValue":"[]"}]}],
                               "additionalDetails":[]}]}""".formatted(LEE, ADELE));
        } else if (path.equals("/api/v1/licenses")) {
            json(exchange, 200, """
                    [{"skuId":"%s","skuPartNumber":"SPB","productName":"Microsoft 365 Business Premium","total":13,"assigned":4,"available":9},
                     {"skuId":"%s","skuPartNumber":"ENTERPRISEPACK","productName":"Office 365 E3","total":10,"assigned":0,"available":10}]"""
                    .formatted(BUSINESS_PREMIUM, REFUSED));
        } else if (path.equals("/api/v1/licenses/bulkLimits")) {
            json(exchange, 200, "{\"licensesPage\":20,\"activeUsers\":100}");
        } else if (path.equals("/api/v1/licenses/" + BUSINESS_PREMIUM + "/users")) {
            json(exchange, 200, """
                    {"value":[{"userId":"%s","displayName":"Adele Vance","userPrincipalName":"adele.vance@contoso.onmicrosoft.com",
                               "assignedDateTime":"2026-11-01T10:00:00Z"},
                              {"userId":"%s","displayName":"Grady Archie","userPrincipalName":"grady.archie@contoso.onmicrosoft.com",
                               "assignedDateTime":"2026-11-02T10:00:00Z","assignedByGroup":"%s","assignedByGroupName":"Sales"}]}"""
                    .formatted(ADELE, GRADY, SALES));
        } else if (path.equals("/api/v1/licenses/" + REFUSED + "/users")) {
            json(exchange, 403, """
                    {"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.",
                              "innerError":{"date":"2026-11-27T10:00:00","request-id":"r","client-request-id":"c"}}}""");
        } else if (path.equals("/api/v1/users/" + ADELE + "/licenses")) {
            json(exchange, 200, """
                    {"userId":"%s","displayName":"Adele Vance","userPrincipalName":"adele.vance@contoso.onmicrosoft.com",
                     "usageLocation":"US","accountEnabled":true,
                     "licenses":[{"skuId":"%s","skuPartNumber":"SPB","productName":"Microsoft 365 Business Premium",
                                  "disabledPlans":[],"assignedDateTime":"2026-11-01T10:00:00Z"}]}""".formatted(ADELE, BUSINESS_PREMIUM));
        } else if (path.equals("/api/v1/users/" + KIM + "/licenses")) {
            json(exchange, 200, """
                    {"userId":"%1$s","displayName":"Kim Akers","userPrincipalName":"kim.akers@contoso.onmicrosoft.com",
                     "usageLocation":"US","accountEnabled":true,
                     "licenses":[{"skuId":"%2$s","skuPartNumber":"ENTERPRISEPACK","productName":"Office 365 E3",
                                  "disabledPlans":[],"assignedDateTime":"2026-11-01T10:00:00Z","assignedByGroup":"%3$s",
                                  "keptBecause":{"skuId":"%2$s","productName":"Office 365 E3","reason":"INHERITED_FROM_GROUP",
                                                 "groupId":"%3$s","groupName":"Sales","message":"Kept from the group Sales",
                                                 "state":"Error","error":"DependencyViolation"}},
                                 {"skuId":"%4$s","skuPartNumber":"SPB","productName":"Microsoft 365 Business Premium",
                                  "disabledPlans":[],"assignedDateTime":"2026-11-01T10:00:00Z","assignedByGroup":"%3$s",
                                  "keptBecause":{"skuId":"%4$s","productName":"Microsoft 365 Business Premium",
                                                 "reason":"INHERITED_FROM_GROUP","groupId":"%3$s","groupName":"Sales",
                                                 "message":"Inherited from the group Sales","state":"ActiveWithError",
                                                 "error":"CountViolation"}}]}""".formatted(KIM, REFUSED, SALES, BUSINESS_PREMIUM));
        } else if (method.equals("POST") && path.equals("/api/v1/licenses/" + BUSINESS_PREMIUM + "/unassign")) {
            json(exchange, 200, """
                    {"users":[{"userId":"%s","userPrincipalName":"adele.vance@contoso.onmicrosoft.com","removedSkuIds":["%s"]}]}"""
                    .formatted(ADELE, BUSINESS_PREMIUM));
        } else if (path.equals("/api/v1/subscriptions")) {
            byte[] body = "java.lang.NullPointerException\n\tat org.licenselifecycle.Something.run(Something.java:1)"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        } else {
            json(exchange, 404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource '" + path
                    + "' does not exist.\"}}");
        }
    }

    private static String user(String id, String name, String alias) {
        return """
                {"id":"%s","displayName":"%s","userPrincipalName":"%s@contoso.onmicrosoft.com","accountEnabled":true}"""
                .formatted(id, name, alias);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
