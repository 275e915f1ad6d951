package org.licenselifecycle.testsupport;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a service's {@code /q/metrics} answer (Prometheus' text format) as Micrometer's Prometheus registry renders
 * it, so that a test asserts on the names and labels an operator's queries and alerts use.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of the samples of {@code name} whose labels include every {@code label="value"} given (0 when there is
     * none), e.g. {@code value(text, "license_changes_total", "operation=\"assign\"", "result=\"success\"")}.
     */
    public static double value(String text, String name, String... labels) {
        return text.lines().filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(PrometheusText::sample)
                .sum();
    }

    /** A sample's value: after the name and labels, before an exemplar ({@code # {trace_id=...} ...}) if any. */
    private static double sample(String line) {
        String afterLabels = line.substring(line.indexOf('}') > 0 ? line.indexOf('}') + 1 : line.indexOf(' ')).trim();
        return Double.parseDouble(afterLabels.split(" ")[0]);
    }

    /** The names of the samples in the answer (a histogram's {@code _count}, {@code _sum}, {@code _bucket} apart). */
    public static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }
}
