package io.mqrunbooks.lab;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import io.mqrunbooks.lab.LabFaults.CommandFault;
import io.mqrunbooks.lab.LabFaults.DropSession;
import io.mqrunbooks.lab.LabFaults.Fail;
import io.mqrunbooks.lab.LabFaults.Hang;
import io.mqrunbooks.lab.LabJournal.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exec request on a lab host. It runs on the lab's command pool, never on SSHD's IO threads, and ends
 * exactly once: normally, by its timeout wrapper, by a dropped session, or by the client going away.
 */
final class LabExecCommand implements Command, Runnable {

    /** Programs that read standard input to its end, as runmqsc does; others start without waiting for EOF. */
    static final Set<String> STDIN_READERS = Set.of("runmqsc", "amqsput");

    private static final Logger log = LoggerFactory.getLogger(LabExecCommand.class);

    private final String host;
    private final String commandLine;
    private final LabCommandHandler handler;
    private final LabFaults faults;
    private final LabJournal journal;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final ActiveCommands active;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Object workerLock = new Object();

    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exitCallback;
    private ChannelSession channel;
    private String user;
    private Instant started;
    private volatile LabCommandLine parsed;
    private Thread worker;
    private volatile Future<?> timeoutTask;

    LabExecCommand(String host, String commandLine, LabCommandHandler handler, LabFaults faults, LabJournal journal,
                   ExecutorService pool, ScheduledExecutorService timer, Clock clock, ActiveCommands active) {
        this.host = host;
        this.commandLine = commandLine;
        this.handler = handler;
        this.faults = faults;
        this.journal = journal;
        this.pool = pool;
        this.timer = timer;
        this.clock = clock;
        this.active = active;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        this.user = channel.getSession().getUsername();
        this.started = clock.instant();
        active.add(this);
        try {
            pool.execute(this);
        } catch (RejectedExecutionException e) {
            end(1, "", "lab: too many commands running at once on the lab estate\n", Outcome.EXITED);
        }
    }

    @Override
    public void run() {
        synchronized (workerLock) {
            if (ended.get()) {
                return;
            }
            worker = Thread.currentThread();
        }
        try {
            execute();
        } catch (InterruptedException e) {
            // Whoever interrupted (timeout, client gone) has already ended the command.
        } catch (RuntimeException | IOException e) {
            log.warn("Lab host {}: command '{}' failed in the lab itself", host, commandLine, e);
            end(1, "", "lab: internal error: " + e.getMessage() + "\n", Outcome.EXITED);
        } finally {
            synchronized (workerLock) {
                worker = null;
                Thread.interrupted();
            }
        }
    }

    private void execute() throws InterruptedException, IOException {
        try {
            parsed = LabCommandLine.parse(commandLine, user);
        } catch (LabShellException e) {
            end(e.exitCode(), "", e.getMessage() + "\n", Outcome.EXITED);
            return;
        }
        if (parsed.isEmpty()) {
            end(0, "", "", Outcome.EXITED);
            return;
        }
        if (parsed.timeout() != null) {
            timeoutTask = timer.schedule(this::timedOut, parsed.timeout().duration().toMillis(), TimeUnit.MILLISECONDS);
        }
        String stdin = STDIN_READERS.contains(parsed.program())
                ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
        String program = parsed.program();
        CommandFault fault = faults.faultFor(host, program).orElse(null);
        if (fault instanceof Fail fail) {
            end(fail.exitCode(), "", fail.stderr(), Outcome.EXITED);
            return;
        }
        if (fault instanceof Hang) {
            faults.awaitNoHang(host, program);
            fault = faults.faultFor(host, program).orElse(null);
        }
        LabExecution result = handler.execute(host, parsed.runAs(), parsed.argv(), stdin, parsed.messageLocale());
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        if (fault instanceof DropSession) {
            dropSession();
        } else {
            end(result.exitCode(), result.stdout(), result.stderr(), Outcome.EXITED);
        }
    }

    private void timedOut() {
        if (ended.compareAndSet(false, true)) {
            interruptWorker();
            finish(parsed.timeout().exitCode(), Outcome.TIMED_OUT, () -> exitCallback.onExit(parsed.timeout().exitCode()));
        }
    }

    private void dropSession() {
        if (ended.compareAndSet(false, true)) {
            finish(null, Outcome.DROPPED, () -> channel.getSession().close(true));
        }
    }

    /** The client closed the channel: after a normal end (nothing to do) or while the command still ran. */
    @Override
    public void destroy(ChannelSession channel) {
        if (ended.compareAndSet(false, true)) {
            interruptWorker();
            finish(null, Outcome.DISCONNECTED, () -> { });
        }
    }

    private void end(int exitCode, String stdout, String stderr, Outcome outcome) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        finish(exitCode, outcome, () -> {
            try {
                write(out, stdout);
                write(err, stderr);
            } catch (IOException e) {
                log.debug("Lab host {}: client went away before the output of '{}' was sent", host, commandLine);
            }
            exitCallback.onExit(exitCode);
        });
    }

    private void finish(Integer exitCode, Outcome outcome, Runnable reply) {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        Instant now = clock.instant();
        List<String> argv = parsed == null ? List.of() : parsed.argv();
        String runAs = parsed == null ? user : parsed.runAs();
        try {
            journal.append(new LabJournal.Entry(started, host, user, runAs, commandLine, argv, exitCode, outcome,
                    Duration.between(started, now)));
        } finally {
            // Journal first: whoever sees the command gone also finds it in the journal.
            active.remove(this);
            reply.run();
        }
    }

    private void interruptWorker() {
        synchronized (workerLock) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    private static void write(OutputStream stream, String text) throws IOException {
        if (text != null && !text.isEmpty()) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        }
    }

    String host() {
        return host;
    }

    String commandLine() {
        return commandLine;
    }
}
