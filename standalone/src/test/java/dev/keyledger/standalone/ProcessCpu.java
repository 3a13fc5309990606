package dev.keyledger.standalone;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the embedded PostgreSQL of a data directory (its postmaster, the postmaster's
 * live children, and the children it has reaped), in nanoseconds: what a benchmark divides by its operations to say
 * what each one costs, whatever the neighbours on the machine do to the wall clock. Linux only ({@code /proc}).
 */
record ProcessCpu(long jvmNanos, long postgresNanos) {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    static ProcessCpu now(Path dataDir) {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new ProcessCpu(jvm, postgresTicks(dataDir) * NANOS_PER_TICK);
    }

    ProcessCpu since(ProcessCpu start) {
        return new ProcessCpu(jvmNanos - start.jvmNanos, postgresNanos - start.postgresNanos);
    }

    /** What this CPU time was per event, as a benchmark's line ends: "; CPU per event: JVM … µs, PostgreSQL … µs". */
    String perEvent(long events) {
        return String.format(Locale.ROOT, "; CPU per event: JVM %.0f µs, PostgreSQL %.0f µs",
                jvmNanos / 1e3 / events, postgresNanos / 1e3 / events);
    }

    private static long postgresTicks(Path dataDir) {
        try (Stream<Path> pidFiles = Files.find(dataDir, 3, (path, attributes) ->
                path.getFileName().toString().equals("postmaster.pid"))) {
            List<Path> found = pidFiles.toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one postmaster.pid under " + dataDir + ": " + found);
            }
            String postmaster = Files.readAllLines(found.get(0)).get(0).trim();
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    ticks += ticksOf(process, postmaster);
                }
            }
            return ticks;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of PostgreSQL", e);
        }
    }

    /** utime + stime of the postmaster and its children, plus cutime + cstime of the postmaster itself. */
    private static long ticksOf(Path process, String postmaster) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return 0;
        }
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String pid = process.getFileName().toString();
        String parent = fields[1];
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (pid.equals(postmaster)) {
            return own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return parent.equals(postmaster) ? own : 0;
    }
}
