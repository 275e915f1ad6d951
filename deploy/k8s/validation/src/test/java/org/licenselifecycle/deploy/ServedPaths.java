package org.licenselifecycle.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request paths a module's JAX-RS resources serve, read from its sources: the class's {@code @Path} joined with
 * each resource method's, path parameters filled with a sample value. A reading of the source text, good for
 * this project's resources (annotations above the method, class-level @Path above the class).
 */
final class ServedPaths {

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern CLASS = Pattern.compile("(?m)^(public\\s+)?(final\\s+)?class\\s");
    private static final Pattern HTTP_METHOD = Pattern.compile("^@(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\b");
    private static final Pattern SIGNATURE_END = Pattern.compile("\\)\\s*(throws\\s[^{]+)?\\{\\s*$");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private ServedPaths() {
    }

    static List<String> of(ServiceModule service) {
        List<String> paths = new ArrayList<>();
        for (String source : ServiceModule.javaSources(service.folder())) {
            paths.addAll(of(source));
        }
        return paths;
    }

    static List<String> of(String source) {
        Matcher classDeclaration = CLASS.matcher(source);
        if (!classDeclaration.find()) {
            return List.of();
        }
        Optional<String> classPath = lastPath(source.substring(0, classDeclaration.start()));
        if (classPath.isEmpty()) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        String[] lines = source.substring(classDeclaration.start()).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (HTTP_METHOD.matcher(lines[i].trim()).find()) {
                String methodPath = lastPath(annotationsAround(lines, i)).orElse("");
                paths.add(sample(classPath.get() + "/" + methodPath));
            }
        }
        return paths;
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
