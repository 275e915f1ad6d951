import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant of {@code --users} users each holding one {@code --sku} license, and their mailboxes ACTIVE. The
 * first user is created through Graph ({@code POST /v1.0/users}); the others are copies of it in directory's
 * database, each with its own UserCreated row in directory's outbox, so that licensing and lifecycle learn of
 * them through Kafka as of any user (creating each through the API would cost a bcrypt hash, ~0.1 s of CPU, per
 * user). The licenses are bought and assigned through the APIs, each user as soon as licensing knows it.
 */
final class Seed {
    final Faults.Arguments a;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String token = System.getenv("FAULTS_SEED_TOKEN");
    final UUID tenant;
    final int users;

    Seed(Faults.Arguments a) {
        this.a = a;
        this.tenant = UUID.fromString(a.get("tenant"));
        this.users = Integer.parseInt(a.get("users"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("FAULTS_SEED_TOKEN is not set");
        }
    }

    void run() throws Exception {
        long began = System.nanoTime();
        String domain = a.get("domain");
        HttpResponse<String> tenantAnswer = call("POST", a.get("directory") + "/api/v1/tenants",
                "{\"displayName\":\"Fault suite\",\"domainName\":\"" + domain + "\"}");
        require(tenantAnswer.statusCode() == 201 || tenantAnswer.statusCode() == 409, "register the tenant", tenantAnswer);
        HttpResponse<String> bought = call("POST", a.get("licensing") + "/api/v1/subscriptions",
                "{\"skuId\":\"" + a.get("sku") + "\",\"licenses\":" + users + "}");
        require(bought.statusCode() / 100 == 2, "buy " + users + " licenses", bought);
        String upnDomain = domain + ".onmicrosoft.com";
        HttpResponse<String> created = call("POST", a.get("directory") + "/v1.0/users", """
                {"accountEnabled":true,"displayName":"Fault user 0","mailNickname":"fault.0",
                 "userPrincipalName":"fault.0@%s","usageLocation":"US",
                 "passwordProfile":{"forceChangePasswordNextSignIn":true,"password":"Fault-Suite-2026!"}}"""
                .formatted(upnDomain));
        require(created.statusCode() == 201, "create the first user", created);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
        require(id.find(), "read the first user's id", created);
        UUID template = UUID.fromString(id.group(1));
        List<UUID> ids = new ArrayList<>();
        ids.add(template);
        try (Connection directory = Faults.connect(a, "directory")) {
            ids.addAll(cloneUsers(directory, template, users - 1));
        }
        System.out.printf("seed: %d users in directory (%.0f s)%n", ids.size(), Faults.seconds(began));
        assignAll(ids);
        System.out.printf("seed: %s assigned to each (%.0f s)%n", a.get("sku"), Faults.seconds(began));
        try (Connection lifecycle = Faults.connect(a, "lifecycle")) {
            Faults.await("lifecycle has " + users + " active mailboxes", 300, () -> Faults.count(lifecycle,
                    "SELECT count(*) FROM mailbox WHERE tenant_id = ? AND state = 'ACTIVE'", tenant) >= users);
        }
        List<UUID> order = new ArrayList<>(ids);
        Collections.shuffle(order, new Random(12));
        Files.write(Path.of(a.get("out")), order.stream().map(UUID::toString).toList());
        System.out.printf("seed: %d users with an active mailbox, ready (%.0f s)%n", users, Faults.seconds(began));
    }

    List<UUID> cloneUsers(Connection c, UUID template, int copies) throws SQLException {
        if (copies <= 0) {
            return List.of();
        }
        c.setAutoCommit(false);
        List<UUID> ids = Faults.query(c, """
                WITH made AS (
                    INSERT INTO users (id, tenant_id, user_principal_name, display_name, mail_nickname, usage_location,
                                       account_enabled, password_hash, force_change_password_next_sign_in, created_at)
                    SELECT gen_random_uuid(), t.tenant_id, 'fault.' || i || '@' || split_part(t.user_principal_name, '@', 2),
                           'Fault user ' || i, 'fault.' || i, t.usage_location, t.account_enabled, t.password_hash,
                           t.force_change_password_next_sign_in, t.created_at
                    FROM users t, generate_series(1, ?) AS i WHERE t.id = ?
                    RETURNING id, user_principal_name, display_name, mail_nickname
                ), announced AS (
                    INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_source, occurred_at, payload)
                    SELECT gen_random_uuid(), o.topic, m.id::text, o.ce_type, o.ce_source, now(),
                           (o.payload::jsonb || jsonb_build_object('userId', m.id, 'userPrincipalName', m.user_principal_name,
                               'displayName', m.display_name, 'mailNickname', m.mail_nickname))::text
                    FROM made m, outbox_event o WHERE o.event_key = ?::text AND o.ce_type LIKE '%.UserCreated.%'
                    RETURNING 1
                )
                SELECT id FROM made""", rs -> {
            List<UUID> made = new ArrayList<>();
            while (rs.next()) {
                made.add(rs.getObject(1, UUID.class));
            }
            return made;
        }, copies, template, template.toString());
        long announced = Faults.count(c, "SELECT count(*) FROM outbox_event WHERE ce_type LIKE '%.UserCreated.%'");
        if (announced < copies + 1) {
            c.rollback();
            throw new IllegalStateException("the first user's UserCreated row was not found in directory's outbox");
        }
        c.commit();
        return ids;
    }

    void assignAll(List<UUID> ids) throws Exception {
        String body = "{\"addLicenses\":[{\"skuId\":\"" + a.get("sku") + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
        Semaphore parallel = new Semaphore(16);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (UUID user : ids) {
            parallel.acquire();
            calls.add(CompletableFuture.runAsync(() -> {
                try {
                    // licensing learns of the user from Kafka: 404 until then
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                    for (int attempt = 1; ; attempt++) {
                        HttpResponse<String> answer = call("POST",
                                a.get("licensing") + "/v1.0/users/" + user + "/assignLicense", body);
                        if (answer.statusCode() == 200) {
                            return;
                        }
                        if ((answer.statusCode() != 404 && attempt >= 5) || System.nanoTime() > deadline) {
                            failures.add(user + ": HTTP " + answer.statusCode() + " " + answer.body());
                            return;
                        }
                        Thread.sleep(1000);
                    }
                } catch (Exception e) {
                    failures.add(user + ": " + e);
                } finally {
                    parallel.release();
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " assignments failed, e.g. " + failures.get(0));
        }
    }

    HttpResponse<String> call(String method, String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void require(boolean ok, String what, HttpResponse<String> answer) {
        if (!ok) {
            throw new IllegalStateException("seed: could not " + what + ": HTTP " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(400, answer.body().length())));
        }
    }
}
