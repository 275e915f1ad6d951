package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of licensing depends, through others or directly, on a package that depends on it: messaging depends
 * on the domain, never the reverse. Reads the compiled classes' constant pools (every class, field and method type a
 * class names is there), so a dependency only a Javadoc link mentions does not count.
 */
class PackageCyclesTest {

    private static final String ROOT = "org/licenselifecycle/licensing/";
    private static final Pattern NAMED = Pattern.compile(Pattern.quote(ROOT) + "([a-z0-9_]+)/");

    @Test
    void licensingHasNoPackageCycles() throws IOException, URISyntaxException {
        Map<String, Set<String>> uses = dependencies(Path.of(org.licenselifecycle.licensing.products.Product.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve(ROOT));

        assertThat(uses).containsKeys("licenses", "subscriptions", "users", "messaging");
        assertThat(cycles(uses)).as("package cycles in licensing (package -> ... -> itself)").isEmpty();
    }

    @Test
    void theCycleCheckSeesACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));

        assertThat(cycles(uses)).containsExactly("a -> b -> c -> a");
    }

    /** Per package directly under licensing (of main's classes), the other such packages its classes name. */
    private static Map<String, Set<String>> dependencies(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!relative.contains("/")) {
                    continue;
                }
                String own = relative.substring(0, relative.indexOf('/'));
                Set<String> named = uses.computeIfAbsent(own, p -> new TreeSet<>());
                for (String text : utf8Constants(file)) {
                    Matcher matcher = NAMED.matcher(text);
                    while (matcher.find()) {
                        if (!matcher.group(1).equals(own)) {
                            named.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** The UTF-8 constants of a class file: class names, descriptors and signatures among them (JVMS 4.4). */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(data.readUTF());
                    case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> {
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IOException("Unknown constant pool tag " + tag + " in " + classFile);
                }
            }
        }
        return texts;
    }

    /** Each cycle once, as "a -> b -> a", starting at its smallest package. */
    static Set<String> cycles(Map<String, Set<String>> uses) {
        Set<String> found = new TreeSet<>();
        for (String start : uses.keySet()) {
            walk(start, start, new ArrayList<>(List.of(start)), uses, found);
        }
        return found;
    }

    private static void walk(String start, String at, List<String> path, Map<String, Set<String>> uses, Set<String> found) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                found.add(String.join(" -> ", path) + " -> " + start);
            } else if (next.compareTo(start) > 0 && !path.contains(next)) {
                path.add(next);
                walk(start, next, path, uses, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
