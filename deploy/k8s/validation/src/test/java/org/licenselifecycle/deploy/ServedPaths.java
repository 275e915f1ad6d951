package org.licenselifecycle.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Request paths a module's JAX-RS resources serve, read from its sources: the class's {@code @Path} joined with
 * each resource method's, path parameters filled with a sample value; and the other names under which Graph
 * clients send the service's actions and casts (service-support's QualifiedNames, the names listed in the
 * service's {@code graph.qualified-names.*}). A reading of the source text, good for this project's resources
 * (annotations above the method, class-level @Path above the class).
 */
final class ServedPaths {

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern CLASS = Pattern.compile("(?m)^(public\\s+)?(final\\s+)?class\\s");
    private static final Pattern HTTP_METHOD = Pattern.compile("^@(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\b");
    private static final Pattern SIGNATURE_END = Pattern.compile("\\)\\s*(throws\\s[^{]+)?\\{\\s*$");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private ServedPaths() {
    }

    private static final String NAMESPACE = "microsoft.graph.";
    private static final String ALIAS = "graph.";

    /** One resource method: its HTTP method and its path template (the class's path joined with its own). */
    record Served(String method, String template) {

        String sample() {
            return ServedPaths.sample(template);
        }

        private List<String> segments() {
            return List.of(template.replaceAll("^/+|/+$", "").split("/+"));
        }

        /**
         * The action this method binds, as OData shapes one: a POST to a Graph path whose last segment is a name
         * that follows a key ({@code /v1.0/users/{id}/assignLicense}).
         */
        Optional<String> boundAction() {
            List<String> segments = segments();
            int last = segments.size() - 1;
            boolean bound = "POST".equals(method) && template.startsWith("/v1.0/") && last >= 2
                    && !PARAMETER.matcher(segments.get(last)).find() && PARAMETER.matcher(segments.get(last - 1)).matches();
            return bound ? Optional.of(segments.get(last)) : Optional.empty();
        }
    }

    /** The sample paths of every resource method, and each action's and cast's other names that Graph accepts. */
    static List<String> of(ServiceModule service) {
        Set<String> actions = listed(service, "graph.qualified-names.actions");
        Set<String> casts = listed(service, "graph.qualified-names.casts");
        List<String> paths = new ArrayList<>();
        for (Served served : served(service)) {
            String path = served.sample();
            paths.add(path);
            String parent = path.substring(0, path.lastIndexOf('/') + 1);
            String last = path.substring(parent.length());
            if (actions.contains(last)) {
                paths.add(parent + NAMESPACE + last);
                paths.add(parent + ALIAS + last);
            } else if (last.startsWith(NAMESPACE) && casts.contains(last.substring(NAMESPACE.length()))) {
                paths.add(parent + ALIAS + last.substring(NAMESPACE.length()));
            }
        }
        return paths;
    }

    /** The actions the service's resources bind (see {@link Served#boundAction}). */
    static Set<String> boundActions(ServiceModule service) {
        return served(service).stream().map(Served::boundAction).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A comma-separated setting of the service, as a set. */
    static Set<String> listed(ServiceModule service, String key) {
        return service.setting(key).stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Served> served(ServiceModule service) {
        List<Served> served = new ArrayList<>();
        for (String source : ServiceModule.javaSources(service.folder())) {
            served.addAll(served(source));
        }
        return served;
    }

    static List<String> of(String source) {
        return served(source).stream().map(Served::sample).toList();
    }

    static List<Served> served(String source) {
        Matcher classDeclaration = CLASS.matcher(source);
        if (!classDeclaration.find()) {
            return List.of();
        }
        Optional<String> classPath = lastPath(source.substring(0, classDeclaration.start()));
        if (classPath.isEmpty()) {
            return List.of();
        }
        List<Served> served = new ArrayList<>();
        String[] lines = source.substring(classDeclaration.start()).split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher method = HTTP_METHOD.matcher(lines[i].trim());
            if (method.find()) {
                String methodPath = lastPath(annotationsAround(lines, i)).orElse("");
                String template = (classPath.get() + "/" + methodPath).replaceAll("/+", "/");
                template = template.endsWith("/") && template.length() > 1 ? template.substring(0, template.length() - 1) : template;
                served.add(new Served(method.group(1), template.startsWith("/") ? template : "/" + template));
            }
        }
        return served;
    }

    /** The annotation lines of the method whose HTTP-method annotation is at line i. */
    private static String annotationsAround(String[] lines, int i) {
        int start = i;
        while (start > 0 && !isMemberBoundary(lines[start - 1].trim())) {
            start--;
        }
        int end = i;
        while (end < lines.length - 1 && !SIGNATURE_END.matcher(lines[end]).find()) {
            end++;
        }
        return String.join("\n", List.of(lines).subList(start, end + 1));
    }

    private static boolean isMemberBoundary(String line) {
        return line.isEmpty() || line.endsWith(";") || line.endsWith("}") || line.endsWith("{") || line.endsWith("*/");
    }

    private static Optional<String> lastPath(String text) {
        Matcher m = PATH.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static String sample(String template) {
        String path = PARAMETER.matcher(template).replaceAll("x").replaceAll("/+", "/");
        path = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return path.startsWith("/") ? path : "/" + path;
    }
}
