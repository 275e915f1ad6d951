import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The fault suite's eyes (deploy/local/faults/run): {@link Seed} seeds the tenant the load works on, {@link Monitor}
 * watches the system while faults are injected, {@link Settle} waits for it to settle, and {@link Check} checks user
 * by user that every license removal had exactly one effect and that nothing was lost, printing the summary table.
 * They read the three databases (JDBC) and the broker (kafka-clients) directly: these are the facts the services'
 * APIs summarise. Compiled by {@code run} with the PostgreSQL driver and kafka-clients on the classpath:
 *
 * <pre>
 * java -cp CLASSES:PG_JDBC:KAFKA_CLIENTS Faults topics  --bootstrap HOST:PORT --partitions N TOPIC...
 * java ... Faults seed     --pg-port P --directory URL --licensing URL --tenant GUID --domain NAME --sku GUID
 *                          --users N --out users.txt                  (token: FAULTS_SEED_TOKEN, a Global Administrator)
 * java ... Faults monitor  --pg-port P --ready name=URL,... --out monitor.tsv --stop-file FILE
 * java ... Faults settle   --pg-port P --tenant GUID --timeout-s S [--stuck-s S] [--purged true] --out settle.properties
 * java ... Faults check    --pg-port P --bootstrap HOST:PORT --tenant GUID --sku GUID --mode faults|replicas
 *                          --dir RESULTS --rate N [--recover-s 30] [--not-ready-slack-s 5] [--lag-threshold N]
 * </pre>
 */
public class Faults {

    static final String LICENSE_TOPIC = "licensing.license-events";
    static final String USER_TOPIC = "directory.user-events";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Faults topics|seed|monitor|settle|check --name value ...");
            System.exit(2);
        }
        Arguments a = Arguments.parse(args, 1);
        switch (args[0]) {
            case "topics" -> topics(a, List.of(args).subList(1, args.length));
            case "seed" -> new Seed(a).run();
            case "monitor" -> new Monitor(a).run();
            case "settle" -> System.exit(new Settle(a).run() ? 0 : 3);
            case "check" -> System.exit(new Check(a).run() ? 0 : 1);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // --- topics ---------------------------------------------------------------------------------------------------

    /** Creates the event topics with as many partitions as Kubernetes has (deploy/k8s/base/kafka-topics.yaml). */
    static void topics(Arguments a, List<String> rest) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).startsWith("--")) {
                i++;
            } else {
                names.add(rest.get(i));
            }
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("bootstrap"));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, Integer.parseInt(a.get("partitions")), (short) 1)).toList();
            admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
            System.out.println("topics: created " + wanted.stream().map(NewTopic::name).toList() + " with "
                    + a.get("partitions") + " partitions");
        }
    }

    // --- databases --------------------------------------------------------------------------------------------------

    static Connection connect(Arguments a, String database) throws SQLException {
        Properties p = new Properties();
        p.put("user", "postgres");
        p.put("connectTimeout", "3");
        p.put("socketTimeout", "10");
        p.put("ApplicationName", "fault-suite");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + a.get("pg-port") + "/" + database, p);
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return query(c, sql, rs -> {
            rs.next();
            return rs.getLong(1);
        }, params);
    }

    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> T query(Connection c, String sql, Rows<T> rows, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rows.read(rs);
            }
        }
    }

    /** {@code processed_event} rows of the consumers whose name mentions the topic (a retry consumer counts too). */
    static String consumerOf(String topic) {
        return topic.equals(LICENSE_TOPIC) ? "%license-events%" : "%user-events%";
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, int seconds, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(500);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** {@code --name value} pairs after the command. */
    record Arguments(Map<String, String> values) {

        static Arguments parse(String[] args, int from) {
            Map<String, String> values = new HashMap<>();
            for (int i = from; i < args.length; i++) {
                if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                }
            }
            return new Arguments(values);
        }

        String get(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String getOr(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        Path path(String name) {
            return Path.of(get(name));
        }
    }
}
