package io.mqrunbooks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from /proc: a process's (user + system) and the whole machine's busy time, so the fan-out can say
 * which side of the SSH connection the cores went to. /proc counts in USER_HZ ticks, 100 a second on Linux.
 */
public final class CpuClock {

    private static final long NANOS_PER_TICK = 10_000_000L;

    /** One reading: wall clock, the lab's CPU (0 when the lab runs in this JVM), this JVM's and the machine's. */
    public record Reading(long wallNanos, long labNanos, long selfNanos, long machineNanos) {
    }

    /** What one run cost: wall time, the lab servers' CPU, the client's CPU, and the SSH connections it made. */
    public record Cost(long wallNanos, long labCpuNanos, long clientCpuNanos, int connections) {
    }

    private final long labPid;

    /** @param labPid the standalone lab's process, or -1 when the lab runs inside this JVM */
    public CpuClock(long labPid) {
        this.labPid = labPid;
    }

    public boolean labSeparate() {
        return labPid > 0;
    }

    public Reading read() {
        return new Reading(System.nanoTime(), labPid > 0 ? processNanos(labPid) : 0,
                processNanos(ProcessHandle.current().pid()), machineBusyNanos());
    }

    /**
     * The cost between two readings. The client is this JVM when {@code clientIsThisJvm}; otherwise (Ansible
     * and its ssh processes) it is the rest of the machine: busy CPU minus the lab's and this JVM's, which on a
     * shared machine includes whatever else ran.
     */
    public Cost between(Reading start, Reading end, boolean clientIsThisJvm, int connections) {
        long lab = end.labNanos() - start.labNanos();
        long self = end.selfNanos() - start.selfNanos();
        long client = clientIsThisJvm ? self : Math.max(0, end.machineNanos() - start.machineNanos() - lab - self);
        return new Cost(end.wallNanos() - start.wallNanos(), lab, client, connections);
    }

    static long processNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may hold blanks: utime is 14th, stime 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long machineBusyNanos() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal: all but idle and iowait.
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
