package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alerts (components/monitoring/alerts.yaml) and the dashboard (dashboard.json) name is one the
 * services or the console export, as Micrometer's Prometheus registry renders it: listed in exported-metrics.txt with
 * the test that drives it and reads it from /q/metrics, and that test does read it. A renamed metric, or an alert on a
 * metric nothing exports, fails here instead of never firing.
 */
class MetricNamesTest {

    private static final Path MONITORING = ProjectRoot.k8s().resolve("components/monitoring");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase",
            "irate", "by", "without", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "bool",
            "histogram_quantile", "abs", "clamp_min", "clamp_max", "time", "vector", "offset");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everyAlertAndPanelNamesOnlyMetricsTheServicesExport() throws IOException {
        Map<String, String> exported = exported();
        List<String> expressions = new ArrayList<>(alertExpressions());
        int alerts = expressions.size();
        new ObjectMapper().readTree(MONITORING.resolve("dashboard.json").toFile()).path("panels")
                .forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));

        assertThat(alerts).as("alerts in alerts.yaml").isGreaterThanOrEqualTo(5);
        for (String expression : expressions) {
            assertThat(metricNames(expression)).as(expression).isNotEmpty()
                    .allSatisfy(name -> assertThat(exported).as("exported-metrics.txt").containsKey(name));
        }
    }

    @Test
    void eachListedMetricIsReadFromMetricsByTheTestItNames() throws IOException {
        for (Map.Entry<String, String> metric : exported().entrySet()) {
            Path test = ProjectRoot.path().resolve(metric.getValue());
            assertThat(test).as(metric.getKey()).isRegularFile();
            assertThat(Files.readString(test)).as(metric.getValue()).contains("\"" + metric.getKey() + "\"");
        }
    }

    @Test
    void theMetricNamesOfAnExpressionAreFoundWithoutLabelsFunctionsOrRanges() {
        assertThat(metricNames("sum by (job, status) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                + " / sum by (job) (rate(other_total[5m])) > 0.05"))
                .containsExactly("http_server_requests_seconds_count", "other_total");
    }

    static Set<String> metricNames(String expression) {
        String bare = RANGE.matcher(GROUPING.matcher(LABELS.matcher(expression).replaceAll("")).replaceAll(""))
                .replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String word = matcher.group();
            if (!PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode rule : Kustomize.split(Files.readString(MONITORING.resolve("alerts.yaml")))) {
            rule.at("/spec/groups").forEach(group -> group.path("rules").forEach(each ->
                    expressions.add(each.path("expr").asText())));
        }
        return expressions;
    }

    /** exported-metrics.txt: a metric name and the test file that reads it, per line. */
    private static Map<String, String> exported() throws IOException {
        Map<String, String> exported = new LinkedHashMap<>();
        Files.readAllLines(MONITORING.resolve("exported-metrics.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .forEach(fields -> exported.put(fields[0], fields[1]));
        return exported;
    }
}
