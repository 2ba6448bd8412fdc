package io.mqrunbooks.adapter.outbound.mq;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An SshPort that records each command and answers with queued outputs, in order. */
public final class FakeSshPort implements SshPort {

    /** One command as it would have reached a host. */
    public record Sent(String host, String commandLine, String stdin, Duration deadline) {
    }

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Sent> sent = new ArrayList<>();

    public FakeSshPort answer(int exitCode, String stdout, String stderr) {
        answers.add(new String[] {Integer.toString(exitCode), stdout, stderr, "false"});
        return this;
    }

    /** An answer whose output the SSH adapter cut at its cap. */
    public FakeSshPort answerTruncated(int exitCode, String stdout) {
        answers.add(new String[] {Integer.toString(exitCode), stdout, "", "true"});
        return this;
    }

    public FakeSshPort answer(int exitCode, String stdout) {
        return answer(exitCode, stdout, "");
    }

    public FakeSshPort fail(SshException failure) {
        answers.add(failure);
        return this;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<String> commandLines() {
        return sent.stream().map(s -> s.host() + ": " + s.commandLine()).toList();
    }

    @Override
    public CommandResult run(Host host, RemoteCommand command) {
        sent.add(new Sent(host.name(), command.commandLine(), command.stdin(), command.deadline()));
        Object answer = answers.poll();
        if (answer == null) {
            throw new AssertionError("no answer queued for '" + command.commandLine() + "' on " + host.name());
        }
        if (answer instanceof SshException failure) {
            throw failure;
        }
        String[] a = (String[]) answer;
        return new CommandResult(host.name(), command.commandLine(), Integer.parseInt(a[0]), a[1], a[2],
                Duration.ofMillis(5), Boolean.parseBoolean(a[3]));
    }

    /** The lab inventory (src/main/resources/lab/lab-estate.yaml) as an Estate. */
    public static Estate labEstate() {
        try (InputStream in = FakeSshPort.class.getResourceAsStream("/lab/lab-estate.yaml")) {
            return new InventoryLoader().load("classpath:lab/lab-estate.yaml",
                    new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Estate estate(String yaml) {
        return new InventoryLoader().load("test.yaml", new StringReader(yaml));
    }

    /** A fixture of src/test/resources/mq-output/&lt;kind&gt;/ (each names its source in a .source file). */
    public static String fixture(String kind, String name) {
        String path = "/mq-output/" + kind + "/" + name;
        try (InputStream in = FakeSshPort.class.getResourceAsStream(path)) {
            if (in == null || FakeSshPort.class.getResource(path + ".source") == null) {
                throw new IllegalArgumentException("no fixture with a .source file: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
