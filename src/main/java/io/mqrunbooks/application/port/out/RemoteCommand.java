package io.mqrunbooks.application.port.out;

import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.NameRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command line made only of checked tokens. Every token is validated when it is added, so an unsafe
 * value is refused before any connection is made. Build with {@link #builder(String)}.
 *
 * @param argv     program and arguments; each token is free of shell metacharacters
 * @param stdin    text fed to the command's standard input (e.g. MQSC for runmqsc), or null
 * @param deadline how long the command may run before it is killed and the call fails
 */
public record RemoteCommand(List<String> argv, String stdin, Duration deadline) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    private static final Pattern PROGRAM = Pattern.compile("(/[A-Za-z0-9._-]+)*/?[A-Za-z0-9._-]+");
    private static final Pattern FLAG = Pattern.compile("-[A-Za-z]{1,3}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final String QMGRS = "/var/mqm/qmgrs/";
    /**
     * A qm.ini path from {@link Builder#qmIniPath}: its directory may hold IBM MQ's {@code !} for a {@code .}, which
     * only an interactive shell's history would read; the SSH exec shell is not interactive.
     */
    private static final Pattern QM_INI_PATH = Pattern.compile("/var/mqm/qmgrs/[A-Za-z0-9_%!]{1,48}/qm\\.ini");

    public RemoteCommand {
        argv = List.copyOf(argv);
        Objects.requireNonNull(deadline, "deadline");
        for (String token : argv) {
            if (token.isEmpty() || NameRules.hasShellMetacharacter(token) && !QM_INI_PATH.matcher(token).matches()) {
                throw new UnsafeArgumentException("command token '" + token + "' holds a shell metacharacter");
            }
        }
    }

    /** The command line as a shell would receive it; every token is already free of metacharacters. */
    public String commandLine() {
        return String.join(" ", argv);
    }

    public String program() {
        return argv.get(0);
    }

    public static Builder builder(String program) {
        return new Builder(program);
    }

    @Override
    public String toString() {
        return commandLine();
    }

    /** Adds tokens one kind at a time, each checked against its rule. */
    public static final class Builder {
        private final List<String> argv = new ArrayList<>();
        private String stdin;
        private Duration deadline = DEFAULT_DEADLINE;

        private Builder(String program) {
            if (program == null || !PROGRAM.matcher(program).matches()) {
                throw new UnsafeArgumentException("'" + program + "' is not a program name");
            }
            argv.add(program);
        }

        /** An option such as {@code -m} or {@code -rr}. */
        public Builder flag(String flag) {
            if (flag == null || !FLAG.matcher(flag).matches()) {
                throw new UnsafeArgumentException("'" + flag + "' is not a command option");
            }
            argv.add(flag);
            return this;
        }

        /** A queue manager or object name, checked against IBM MQ's naming rules. */
        public Builder mqName(String what, String name) {
            return checked(what, name, NameRules.checkMqName(name));
        }

        /** A host name or IPv4 address. */
        public Builder hostName(String what, String host) {
            return checked(what, host, NameRules.checkHostName(host));
        }

        /** Host names, each checked as {@link #hostName}, as one comma-separated token ({@code rdqmadm -n a,b}). */
        public Builder hostNames(String what, java.util.List<String> hosts) {
            for (String host : hosts) {
                NameRules.checkHostName(host).ifPresent(problem -> {
                    throw new UnsafeArgumentException(what + " " + problem);
                });
            }
            argv.add(String.join(",", hosts));
            return this;
        }

        public Builder number(String what, long value) {
            String text = Long.toString(value);
            if (!NUMBER.matcher(text).matches()) {
                throw new UnsafeArgumentException(what + " " + text + " is not a positive number");
            }
            argv.add(text);
            return this;
        }

        /**
         * The path of a queue manager's qm.ini under the default prefix, in the directory IBM MQ names after it
         * ({@code QM.NHA} is {@code /var/mqm/qmgrs/QM!NHA/qm.ini}, {@link NameRules#queueManagerDirectory}). A name
         * of dots alone is refused, and so is a {@code /}: IBM MQ's {@code &} for it is a shell operator.
         */
        public Builder qmIniPath(String queueManager) {
            NameRules.checkMqName(queueManager).ifPresent(p -> {
                throw new UnsafeArgumentException("queue manager " + p);
            });
            if (queueManager.matches("\\.+")) {
                throw new UnsafeArgumentException("queue manager '" + queueManager + "' is only dots: refused as a"
                        + " directory name under /var/mqm/qmgrs");
            }
            if (queueManager.contains("/")) {
                throw new UnsafeArgumentException("queue manager '" + queueManager + "' has a /: IBM MQ names its"
                        + " directory with an & in its place, which cannot go on a command line; edit its qm.ini"
                        + " by hand");
            }
            argv.add(QMGRS + NameRules.queueManagerDirectory(queueManager) + "/qm.ini");
            return this;
        }

        /** A sed substitution {@code s/FROM/TO/} of two fixed words the caller chose (letters, digits, =). */
        public Builder sedSubstitution(String from, String to) {
            for (String word : List.of(from, to)) {
                if (word == null || !word.matches("[A-Za-z0-9=]{1,64}")) {
                    throw new UnsafeArgumentException("'" + word + "' is not a plain sed word");
                }
            }
            argv.add("s/" + from + "/" + to + "/");
            return this;
        }

        /** A fixed word the caller chose, such as {@code all} in {@code dspmq -o all}. */
        public Builder word(String word) {
            if (word == null || !word.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new UnsafeArgumentException("'" + word + "' is not a plain word");
            }
            argv.add(word);
            return this;
        }

        public Builder stdin(String text) {
            this.stdin = text;
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public RemoteCommand build() {
            return new RemoteCommand(argv, stdin, deadline);
        }

        private Builder checked(String what, String value, Optional<String> problem) {
            problem.ifPresent(p -> {
                throw new UnsafeArgumentException(what + " " + p);
            });
            argv.add(value);
            return this;
        }
    }
}
