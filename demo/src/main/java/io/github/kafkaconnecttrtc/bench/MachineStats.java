package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The machine around the benchmark, from Linux's /proc: its CPU time as a whole, so that a result
 * can say how much of the two cores went to other work on a shared machine, and its load. Outside
 * Linux the figures are simply missing.
 */
final class MachineStats {

    /** Clock ticks per second of /proc/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private MachineStats() {
    }

    /** Busy and total CPU time of the whole machine, in seconds of all cores together. */
    record CpuTimes(double busySeconds, double totalSeconds) {
        static final CpuTimes UNKNOWN = new CpuTimes(Double.NaN, Double.NaN);

        CpuTimes minus(CpuTimes earlier) {
            return new CpuTimes(busySeconds - earlier.busySeconds, totalSeconds - earlier.totalSeconds);
        }
    }

    static CpuTimes cpuTimes() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
            String[] fields = first.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new CpuTimes((total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return CpuTimes.UNKNOWN;
        }
    }

    /** What {@code uptime} prints, or the load averages of /proc/loadavg when it cannot run. */
    static String uptime() {
        try {
            Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            process.destroyForcibly();
        } catch (IOException e) {
            // no uptime command: fall back to the kernel's numbers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average: " + load[0] + ", " + load[1] + ", " + load[2];
        } catch (IOException | RuntimeException e) {
            return "load unknown";
        }
    }

    /** Cores and memory, e.g. "2 cores, 23.4 GiB". */
    static String size() {
        String memory = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    memory = String.format(Locale.ROOT, ", %.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the cores alone
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + memory;
    }
}
