package dev.hivemind.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of a process at one moment, read from Linux's {@code /proc}: {@code stat} (user + system
 * time in clock ticks, {@value #TICKS_PER_SECOND} a second on every Linux architecture we run on) and {@code status}
 * ({@code VmRSS}). Used for the hub (given its pid) and for this generator itself.
 *
 * @param cpuSeconds user + system CPU time
 * @param rssKib     resident set size
 */
record ProcessSample(double cpuSeconds, long rssKib) {
    static final int TICKS_PER_SECOND = 100;

    /** The process {@code pid}, or empty when it does not exist or {@code /proc} is not readable. */
    static java.util.Optional<ProcessSample> of(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            OptionalDouble cpu = parseCpuSeconds(Files.readString(dir.resolve("stat")));
            OptionalLong rss = parseRssKib(Files.readString(dir.resolve("status")));
            if (cpu.isEmpty() || rss.isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ProcessSample(cpu.getAsDouble(), rss.getAsLong()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** This JVM: {@code /proc/self} where there is one, else the JVM's own CPU counter and no RSS. */
    static ProcessSample self() {
        return of(ProcessHandle.current().pid()).orElseGet(() -> {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long nanos = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
            return new ProcessSample(nanos < 0 ? 0 : nanos / 1e9, 0);
        });
    }

    /** Fields 14 and 15 of {@code /proc/PID/stat} (utime, stime), counted after the parenthesised command name. */
    static OptionalDouble parseCpuSeconds(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalDouble.empty();
        }
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        if (fields.length < 13) {
            return OptionalDouble.empty();
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return OptionalDouble.of(ticks / (double) TICKS_PER_SECOND);
    }

    /** The {@code VmRSS:} line of {@code /proc/PID/status}, in KiB. */
    static OptionalLong parseRssKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** The 1-minute load average ({@code /proc/loadavg}), or -1 where there is none. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
