import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Waits until every outbox row is published and every published event applied by each of its consumers (and,
 * with {@code --purged true}, no mailbox is left disconnected), or until the timeout, or until nothing has
 * moved for {@code --stuck-s}. Writes what it found to {@code --out}.
 */
final class Settle {
    final Faults.Arguments a;

    Settle(Faults.Arguments a) {
        this.a = a;
    }

    boolean run() throws Exception {
        long began = System.nanoTime();
        int timeout = Integer.parseInt(a.get("timeout-s"));
        int stuckAfter = Integer.parseInt(a.getOr("stuck-s", "90"));
        boolean purged = Boolean.parseBoolean(a.getOr("purged", "false"));
        UUID tenant = UUID.fromString(a.get("tenant"));
        String remaining = "";
        String last = null;
        long lastChange = System.nanoTime();
        while (true) {
            try (Connection directory = Faults.connect(a, "directory");
                    Connection licensing = Faults.connect(a, "licensing");
                    Connection lifecycle = Faults.connect(a, "lifecycle")) {
                Map<String, Long> left = new LinkedHashMap<>();
                String written = "SELECT count(*) FROM outbox_event WHERE topic = ?";
                String unpublished = "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL";
                String applied = "SELECT count(DISTINCT event_id) FROM processed_event WHERE consumer LIKE ?";
                String byUsers = Faults.consumerOf(Faults.USER_TOPIC);
                long userEvents = Faults.count(directory, written, Faults.USER_TOPIC);
                long licenseEvents = Faults.count(licensing, written, Faults.LICENSE_TOPIC);
                left.put("directory outbox unpublished", Faults.count(directory, unpublished));
                left.put("licensing outbox unpublished", Faults.count(licensing, unpublished));
                left.put("user events not applied by licensing", userEvents - Faults.count(licensing, applied, byUsers));
                left.put("user events not applied by lifecycle", userEvents - Faults.count(lifecycle, applied, byUsers));
                left.put("license events not applied by lifecycle", licenseEvents
                        - Faults.count(lifecycle, applied, Faults.consumerOf(Faults.LICENSE_TOPIC)));
                if (purged) {
                    left.put("mailboxes disconnected, not purged yet", Faults.count(lifecycle,
                            "SELECT count(*) FROM mailbox WHERE tenant_id = ? AND state = 'DISCONNECTED'", tenant));
                }
                left.values().removeIf(n -> n <= 0);
                remaining = left.toString();
            } catch (SQLException e) {
                remaining = "databases not answering: " + e.getMessage();
            }
            if (!remaining.equals(last)) {
                last = remaining;
                lastChange = System.nanoTime();
            }
            boolean settled = remaining.equals("{}");
            boolean stuck = Faults.seconds(lastChange) > stuckAfter;
            if (settled || stuck || Faults.seconds(began) > timeout) {
                String verdict = settled ? "settled" : stuck ? "stuck" : "timeout";
                Files.writeString(Path.of(a.get("out")), "verdict=" + verdict + "\nseconds="
                        + Math.round(Faults.seconds(began)) + "\nremaining=" + remaining + "\n");
                System.out.printf("settle: %s after %.0f s%s%n", verdict, Faults.seconds(began),
                        settled ? "" : "; still " + remaining);
                return settled;
            }
            Thread.sleep(1000);
        }
    }
}
