package org.ssbtwin.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time read off Linux's {@code /proc}, for the benches' figures: the whole machine's busy time and the time of the
 * processes of one program (the PostgreSQL server when it runs on this host). Every reading is -1 where {@code /proc}
 * is missing or unreadable (another OS, a container without it): the bench then prints "n/a".
 *
 * <p>Process times are compared pid by pid; a PostgreSQL backend that exits in between takes its time with it (the
 * twin's pools keep theirs open, so for a bench window this is the server's time, slightly low).
 */
final class HostCpu {
    /** Clock ticks per second of {@code /proc} times: 100 on every Linux the JDK supports (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private HostCpu() {}

    /** Busy CPU seconds of the whole machine since boot (all cores: user, nice, system, irq, softirq, steal), or -1. */
    static double machineBusySeconds() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            if (!"cpu".equals(f[0]) || f.length < 8) return -1;
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) busy += Long.parseLong(f[i]);
            if (f.length > 8) busy += Long.parseLong(f[8]);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU ticks (user + system) of every live process of this command name ({@code /proc/<pid>/stat} comm), by pid;
     * null where {@code /proc} is unreadable. Compare two readings with {@link #secondsBetween}.
     */
    static java.util.Map<Long, Long> processTicks(String command) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) return null;
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                String stat;
                try {
                    stat = Files.readString(pid.resolve("stat"));
                } catch (IOException | RuntimeException gone) {
                    continue; // exited between the listing and the read
                }
                int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                if (open < 0 || close < open || !command.equals(stat.substring(open + 1, close))) continue;
                // after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
                String[] f = stat.substring(close + 2).split(" ");
                if (f.length < 13) continue;
                out.put(Long.parseLong(pid.getFileName().toString()), Long.parseLong(f[11]) + Long.parseLong(f[12]));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * CPU seconds the processes spent between two readings, or -1 when either is missing. A process is counted from
     * zero if it started in between; one that exited in between is left out (its time is gone with it).
     */
    static double secondsBetween(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        if (before == null || after == null) return -1;
        long ticks = 0;
        for (java.util.Map.Entry<Long, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) ticks += d; // a reused pid (a new process) reads lower: counted from its own start would be a guess
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * {@link #processTicks(String)} of one PostgreSQL server only: its postmaster (started with {@code -p port}) and
     * its children (backends, writers), leaving out other servers on the host; all "postgres" processes when the
     * postmaster is not found (e.g. started without {@code -p}, the default port).
     */
    static java.util.Map<Long, Long> postgresTicks(int port) {
        java.util.Map<Long, Long> all = processTicks("postgres");
        if (all == null || port <= 0) return all;
        Long postmaster = null;
        for (Long pid : all.keySet()) {
            try {
                String[] args = new String(Files.readAllBytes(Path.of("/proc", pid.toString(), "cmdline")), java.nio.charset.StandardCharsets.UTF_8).split("\0");
                for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("-p") && args[i + 1].equals(Integer.toString(port))) postmaster = pid;
            } catch (IOException | RuntimeException gone) {
                // exited meanwhile
            }
        }
        if (postmaster == null) return all;
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (java.util.Map.Entry<Long, Long> e : all.entrySet()) {
            if (e.getKey().equals(postmaster) || postmaster.equals(parent(e.getKey()))) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static Long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /**
     * CPU seconds this JVM's JIT compiler threads ({@code C1/C2 CompilerThread*}, {@code /proc/self/task}) spent so far,
     * or -1: on a loaded host the JIT still compiles in a measured window, and that time is warm-up, not ingest.
     */
    static double jitCompilerSeconds() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return -1;
        long ticks = 0;
        try (DirectoryStream<Path> ts = Files.newDirectoryStream(tasks)) {
            for (Path t : ts) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException | RuntimeException gone) {
                    continue;
                }
                int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                if (open < 0 || close < open) continue;
                String comm = stat.substring(open + 1, close);
                if (!comm.startsWith("C1 CompilerThre") && !comm.startsWith("C2 CompilerThre")) continue;
                String[] f = stat.substring(close + 2).split(" ");
                if (f.length < 13) continue;
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks / TICKS_PER_SECOND;
    }
}
