package org.licenselifecycle.testsupport;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time, for the timings that compare two ways of doing the same work on a machine too busy for wall time to
 * mean much: the calling thread's, and the test database server's (its processes' {@code /proc/<pid>/stat}).
 */
public final class CpuTime {

    private CpuTime() {
    }

    /** The calling thread's CPU time, in nanoseconds. */
    public static long thisThread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * The CPU time (user and system) of the PostgreSQL server that {@code jdbcUrl} names on this machine, in
     * nanoseconds: its postmaster with the backends it ran, the ended ones included; 0 where /proc cannot tell.
     */
    public static long database(String jdbcUrl) {
        Matcher port = Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
        if (!port.find()) {
            return 0;
        }
        List<Path> processes = processes();
        String portArgument = "-p " + port.group(1) + " ";
        String postmaster = processes.stream()
                .filter(p -> read(p.resolve("cmdline")).replace('\0', ' ').matches(".*postgres.*" + portArgument + ".*"))
                .map(p -> p.getFileName().toString()).findFirst().orElse(null);
        if (postmaster == null) {
            return 0;
        }
        long ticks = 0;
        for (Path process : processes) {
            String[] stat = stat(process);
            if (stat.length < 15) {
                continue;
            }
            if (process.getFileName().toString().equals(postmaster)) {
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
            } else if (stat[1].equals(postmaster)) {
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100: a tick is 10 ms
    }

    private static List<Path> processes() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** The fields after the command's name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(Path process) {
        String stat = read(process.resolve("stat"));
        int end = stat.lastIndexOf(')');
        return end < 0 ? new String[0] : stat.substring(end + 2).trim().split(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            return "";
        }
    }
}
