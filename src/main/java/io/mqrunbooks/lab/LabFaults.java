package io.mqrunbooks.lab;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Faults switched on per lab host. A command fault matches a command by its program name (after the
 * wrappers are taken off, e.g. {@code dspmq} in {@code sudo -n timeout 30 /opt/mqm/bin/dspmq -m QM1});
 * other commands on the host run normally.
 */
public final class LabFaults {

    /** What happens to a matching command. */
    public sealed interface CommandFault permits Hang, Fail, DropSession {
    }

    /** Never returns until the client gives up, a timeout wrapper kills it, or the fault is cleared. */
    public record Hang() implements CommandFault {
    }

    /** Ends at once with this exit code and stderr, without reaching the simulated MQ. */
    public record Fail(int exitCode, String stderr) implements CommandFault {
    }

    /** Runs, then the SSH session is closed before any output or exit status goes back. */
    public record DropSession() implements CommandFault {
    }

    /** Stops and restarts a host's SSH listener. */
    interface Listeners {
        void stop(String host);

        void start(String host);
    }

    private final Set<String> hosts;
    private final Listeners listeners;
    private final Map<String, Map<String, CommandFault>> commandFaults = new HashMap<>();
    private final Set<String> downHosts = new HashSet<>();
    // Told of each change as an operation and its arguments, for the lab's state across a restart; nobody by default.
    private volatile Consumer<List<String>> watcher = change -> { };

    LabFaults(Collection<String> hosts, Listeners listeners) {
        this.hosts = Set.copyOf(hosts);
        this.listeners = listeners;
    }

    /** Connections to the host are refused until {@link #hostUp}: its listener is stopped. */
    public synchronized void hostDown(String host) {
        checkHost(host);
        if (downHosts.add(host)) {
            listeners.stop(host);
            watcher.accept(List.of("hostDown", host));
        }
    }

    /** Starts the host's listener again, on the same port. */
    public synchronized void hostUp(String host) {
        checkHost(host);
        if (downHosts.remove(host)) {
            listeners.start(host);
            watcher.accept(List.of("hostUp", host));
        }
    }

    /**
     * {@code watcher} hears of every later change, in order, as the operation and its arguments that
     * {@code LabStateStore} replays: {@code hostDown host}, {@code hostUp host}, {@code hang host program},
     * {@code fail host program exitCode stderr}, {@code dropSession host program}, {@code clearFaults host},
     * {@code clearAllFaults}.
     */
    public void watch(Consumer<List<String>> watcher) {
        this.watcher = watcher;
    }

    public synchronized boolean isDown(String host) {
        return downHosts.contains(host);
    }

    public void hang(String host, String program) {
        put(host, program, new Hang(), List.of("hang", host, program));
    }

    public void fail(String host, String program, int exitCode, String stderr) {
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("Lab fault: exit code " + exitCode + " is out of range (0-255)");
        }
        String text = stderr == null ? "" : stderr;
        put(host, program, new Fail(exitCode, text), List.of("fail", host, program, Integer.toString(exitCode), text));
    }

    public void dropSession(String host, String program) {
        put(host, program, new DropSession(), List.of("dropSession", host, program));
    }

    /** Removes every fault of the host and brings it up if it was down; hanging commands carry on. */
    public synchronized void clear(String host) {
        checkHost(host);
        commandFaults.remove(host);
        hostUp(host);
        watcher.accept(List.of("clearFaults", host));
        notifyAll();
    }

    public synchronized void clearAll() {
        for (String host : List.copyOf(downHosts)) {
            hostUp(host);
        }
        commandFaults.clear();
        watcher.accept(List.of("clearAllFaults"));
        notifyAll();
    }

    public synchronized Optional<CommandFault> faultFor(String host, String program) {
        return Optional.ofNullable(commandFaults.getOrDefault(host, Map.of()).get(program));
    }

    /** Blocks while a hang fault matches the command. */
    void awaitNoHang(String host, String program) throws InterruptedException {
        synchronized (this) {
            while (faultFor(host, program).orElse(null) instanceof Hang) {
                wait();
            }
        }
    }

    private synchronized void put(String host, String program, CommandFault fault, List<String> change) {
        checkHost(host);
        if (program == null || program.isBlank() || program.contains("/")) {
            throw new IllegalArgumentException("Lab fault: '" + program + "' is not a program name (e.g. dspmq)");
        }
        commandFaults.computeIfAbsent(host, h -> new HashMap<>()).put(program, fault);
        watcher.accept(change);
        notifyAll();
    }

    private void checkHost(String host) {
        if (!hosts.contains(host)) {
            throw new IllegalArgumentException("Lab fault: unknown lab host '" + host + "'; the lab has "
                    + hosts.stream().sorted().toList());
        }
    }
}
