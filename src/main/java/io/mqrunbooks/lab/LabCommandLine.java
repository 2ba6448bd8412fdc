package io.mqrunbooks.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exec request's command line, read the way a minimal POSIX shell would: split on blanks, single and
 * double quotes honoured, the wrappers an SSH client puts around a command taken off ({@code sudo},
 * {@code timeout}, {@code exec}, {@code env}, {@code NAME=value}, {@code sh -c '...'}). Anything that
 * would need a real shell (operators, expansions, redirections) is refused: the lab never runs a shell.
 *
 * @param argv          program (its base name) and arguments, as the command handler receives them
 * @param runAs         the user the command runs as: {@code root} after sudo, else the SSH user
 * @param timeout       the {@code timeout} wrapper's limit, or null when there is none
 * @param messageLocale the locale the line gives the command's messages ({@link #messageLocaleOf}), or null when
 *                      it sets none and the host's own applies
 */
public record LabCommandLine(List<String> argv, String runAs, Timeout timeout, String messageLocale) {

    /** Sequences a shell would interpret; longest first so that the message names {@code &&}, not {@code &}. */
    private static final List<String> REFUSED = List.of("$(", "&&", "||", ">>", "<<", ";", "|", "&", "`", "$",
            "<", ">", "\\", "(", ")", "\n", "\r");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)([smhd]?)");
    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "KILL", 9,
            "USR1", 10, "USR2", 12, "TERM", 15);
    private static final int SIGTERM = 15;

    public LabCommandLine {
        argv = List.copyOf(argv);
    }

    public LabCommandLine(List<String> argv, String runAs, Timeout timeout) {
        this(argv, runAs, timeout, null);
    }

    /**
     * The limit of a {@code timeout DURATION} wrapper.
     *
     * @param duration how long the command may run
     * @param exitCode what the client sees when it is killed: 124 like coreutils, 137 with
     *                 {@code -s KILL}, 128 + signal with {@code --preserve-status}
     */
    public record Timeout(Duration duration, int exitCode) {
    }

    /** The program's name without its directory, for fault matching and stdin handling. */
    public String program() {
        return baseName(argv.get(0));
    }

    /** True when the line held no command at all (an empty exec request). */
    public boolean isEmpty() {
        return argv.isEmpty();
    }

    /**
     * @throws LabShellException with the exit code and the message a shell or the wrapper would print
     */
    public static LabCommandLine parse(String line, String loginUser) {
        refuseShellSyntax(line);
        List<String> argv = split(line);
        String runAs = loginUser;
        Timeout timeout = null;
        Map<String, String> environment = new HashMap<>();
        while (!argv.isEmpty()) {
            String word = argv.get(0);
            String name = baseName(word);
            if (ASSIGNMENT.matcher(word).matches()) {
                int equals = word.indexOf('=');
                environment.put(word.substring(0, equals), word.substring(equals + 1));
                argv = argv.subList(1, argv.size());
            } else if (name.equals("exec")) {
                argv = argv.subList(1, argv.size());
            } else if (name.equals("env")) {
                argv = argv.subList(1, argv.size());
                // env -u NAME: the program runs without NAME
                while (argv.size() > 1 && argv.get(0).equals("-u")) {
                    environment.remove(argv.get(1));
                    argv = argv.subList(2, argv.size());
                }
            } else if (name.equals("sudo")) {
                SudoResult sudo = sudo(argv);
                runAs = sudo.user();
                argv = sudo.rest();
            } else if (name.equals("timeout")) {
                TimeoutResult result = timeout(argv);
                if (result.timeout() != null && (timeout == null
                        || result.timeout().duration().compareTo(timeout.duration()) < 0)) {
                    timeout = result.timeout();
                }
                argv = result.rest();
            } else if ((name.equals("sh") || name.equals("bash")) && argv.size() > 1) {
                argv = shellDashC(argv);
            } else {
                break;
            }
        }
        // argv keeps the program's path: the samples live in /opt/mqm/samp/bin, off the PATH, as on a real host.
        return new LabCommandLine(argv, runAs, timeout, messageLocaleOf(environment));
    }

    /**
     * The locale whose catalogue a program's messages come from, as setlocale reads it for LC_MESSAGES: LC_ALL, else
     * LC_MESSAGES, else LANG; an empty value counts as unset. Null when the line sets none of them.
     */
    static String messageLocaleOf(Map<String, String> environment) {
        for (String variable : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static void refuseShellSyntax(String line) {
        for (String refused : REFUSED) {
            if (line.contains(refused)) {
                String shown = refused.equals("\n") ? "newline" : refused.equals("\r") ? "carriage return" : refused;
                throw new LabShellException(2, "bash: -c: line 1: shell syntax '" + shown
                        + "' refused: the lab estate runs one plain command, not a shell");
            }
        }
    }

    /** Words of the line; quotes group and are removed, adjacent quoted parts join one word. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) {
                    throw new LabShellException(2, "bash: -c: line 1: unexpected EOF while looking for matching `"
                            + c + "'");
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private record SudoResult(String user, List<String> rest) {
    }

    private static SudoResult sudo(List<String> argv) {
        String user = "root";
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-")) {
            String option = argv.get(i);
            if (option.equals("--")) {
                i++;
                break;
            } else if (option.equals("-u") || option.equals("--user")) {
                if (i + 1 >= argv.size()) {
                    throw new LabShellException(1, "sudo: option requires an argument -- 'u'");
                }
                user = argv.get(i + 1);
                i += 2;
            } else if (option.startsWith("--user=")) {
                user = option.substring("--user=".length());
                i++;
            } else if (option.startsWith("-u") && !option.startsWith("--")) {
                user = option.substring(2);
                i++;
            } else if (option.equals("--non-interactive") || option.equals("--preserve-env")
                    || option.equals("--set-home") || option.matches("-[nEH]+")) {
                i++;
            } else {
                throw new LabShellException(1, "sudo: invalid option -- '" + option.replaceFirst("^-+", "") + "'");
            }
        }
        if (i >= argv.size()) {
            throw new LabShellException(1, "usage: sudo [-n] [-u user] command");
        }
        return new SudoResult(user, argv.subList(i, argv.size()));
    }

    private record TimeoutResult(Timeout timeout, List<String> rest) {
    }

    private static TimeoutResult timeout(List<String> argv) {
        int signal = SIGTERM;
        boolean preserveStatus = false;
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String option = argv.get(i);
            if (option.equals("--")) {
                i++;
                break;
            } else if (option.equals("-s") || option.equals("--signal")) {
                signal = signal(i + 1 < argv.size() ? argv.get(i + 1) : null);
                i += 2;
            } else if (option.startsWith("--signal=")) {
                signal = signal(option.substring("--signal=".length()));
                i++;
            } else if (option.startsWith("-s")) {
                signal = signal(option.substring(2));
                i++;
            } else if (option.equals("-k") || option.equals("--kill-after")) {
                duration(i + 1 < argv.size() ? argv.get(i + 1) : null);
                i += 2;
            } else if (option.startsWith("--kill-after=")) {
                duration(option.substring("--kill-after=".length()));
                i++;
            } else if (option.startsWith("-k")) {
                duration(option.substring(2));
                i++;
            } else if (option.equals("--preserve-status")) {
                preserveStatus = true;
                i++;
            } else if (option.equals("--foreground") || option.equals("-v") || option.equals("--verbose")
                    || option.equals("-f")) {
                i++;
            } else {
                throw new LabShellException(125, "timeout: invalid option -- '" + option.replaceFirst("^-+", "") + "'");
            }
        }
        if (i + 1 >= argv.size()) {
            throw new LabShellException(125, "timeout: missing operand");
        }
        Duration duration = duration(argv.get(i));
        int exitCode = preserveStatus || signal == 9 ? 128 + signal : 124;
        Timeout timeout = duration.isZero() ? null : new Timeout(duration, exitCode);
        return new TimeoutResult(timeout, argv.subList(i + 1, argv.size()));
    }

    private static int signal(String text) {
        if (text == null) {
            throw new LabShellException(125, "timeout: option requires an argument -- 's'");
        }
        if (text.matches("\\d{1,2}")) {
            return Integer.parseInt(text);
        }
        Integer number = SIGNALS.get(text.toUpperCase(Locale.ROOT).replaceFirst("^SIG", ""));
        if (number == null) {
            throw new LabShellException(125, "timeout: " + text + ": invalid signal");
        }
        return number;
    }

    private static Duration duration(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text);
        if (m == null || !m.matches()) {
            throw new LabShellException(125, "timeout: invalid time interval '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        long unitMillis = switch (m.group(2)) {
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 1_000L;
        };
        return Duration.ofMillis(Math.round(amount * unitMillis));
    }

    /** {@code sh -c 'STRING' [name [args]]}: the string is the command; the rest would only be $0, $1... */
    private static List<String> shellDashC(List<String> argv) {
        String option = argv.get(1);
        int string;
        if (option.equals("-c") || option.equals("-lc")) {
            string = 2;
        } else if (option.equals("-l") && argv.size() > 2 && argv.get(2).equals("-c")) {
            string = 3;
        } else {
            throw new LabShellException(2, baseName(argv.get(0)) + ": option " + option
                    + " refused: the lab estate runs one plain command, not a shell");
        }
        if (string >= argv.size()) {
            throw new LabShellException(2, baseName(argv.get(0)) + ": -c: option requires an argument");
        }
        return split(argv.get(string));
    }

    private static String baseName(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }
}
