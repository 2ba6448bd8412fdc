package io.mqrunbooks.application.generic;

import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.NameRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One MQSC command a generic runbook step may run: an allow-list, parsed from the text the process model holds.
 * Each command is carried out by the {@code MqAdminPort} method that already runs it (runmqsc with the MQSC on
 * standard input, or PCF), never as text handed on: nothing else a model could write reaches a queue manager.
 *
 * <p>A name may be a placeholder {@code {key}}, filled in from the run's sealed start values (never from a
 * variable), and is then checked like any name. Unquoted names are upper-cased as runmqsc does.
 */
public record MqscCommand(Kind kind, String name) {

    public enum Kind {
        DISPLAY_QMSTATUS("DISPLAY QMSTATUS", false),
        DISPLAY_CHSTATUS("DISPLAY CHSTATUS(%s)", false),
        DISPLAY_CURDEPTH("DISPLAY QLOCAL(%s) CURDEPTH", false),
        START_CHANNEL("START CHANNEL(%s)", true),
        STOP_CHANNEL("STOP CHANNEL(%s)", true);

        private final String format;
        private final boolean changesEstate;

        Kind(String format, boolean changesEstate) {
            this.format = format;
            this.changesEstate = changesEstate;
        }

        public boolean changesEstate() {
            return changesEstate;
        }
    }

    /** What a generic step accepts, as shown in its refusal and in docs/element-templates.md. */
    public static final String ALLOWED = "DISPLAY QMSTATUS, DISPLAY CHSTATUS(channel), DISPLAY QLOCAL(queue) CURDEPTH,"
            + " START CHANNEL(channel), STOP CHANNEL(channel)";

    private static final String NAME = "('[^']{1,48}'|[A-Za-z0-9._/%]{1,48}|\\{[a-zA-Z][a-zA-Z0-9]{0,39}})";
    private static final Pattern QMSTATUS = Pattern.compile("(?i)DIS(?:PLAY)?\\s+QMSTATUS(\\s+ALL)?");
    private static final Pattern CHSTATUS = Pattern.compile("(?i)DIS(?:PLAY)?\\s+CHSTATUS\\s*\\(\\s*" + NAME
            + "\\s*\\)(\\s+ALL)?");
    private static final Pattern CURDEPTH = Pattern.compile("(?i)DIS(?:PLAY)?\\s+QL(?:OCAL)?\\s*\\(\\s*" + NAME
            + "\\s*\\)\\s+CURDEPTH");
    private static final Pattern CHANNEL_COMMAND = Pattern.compile("(?i)(START|STOP)\\s+(?:CHANNEL|CHL)\\s*\\(\\s*"
            + NAME + "\\s*\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]{0,39})}");

    public MqscCommand {
        if (kind != Kind.DISPLAY_QMSTATUS) {
            Optional<String> problem = kind == Kind.DISPLAY_CURDEPTH ? NameRules.checkMqName(name)
                    : NameRules.checkChannelName(name);
            problem.ifPresent(p -> {
                throw new UnsafeArgumentException((kind == Kind.DISPLAY_CURDEPTH ? "queue " : "channel ") + p);
            });
        }
    }

    /** The command as runmqsc reads it. */
    public String mqsc() {
        return kind == Kind.DISPLAY_QMSTATUS ? kind.format : String.format(kind.format, name);
    }

    public boolean changesEstate() {
        return kind.changesEstate;
    }

    /**
     * The commands of the model's text, one a line (blank lines and {@code *} comments skipped).
     *
     * @param sealed the run's sealed start values, for {@code {key}} placeholders
     * @throws UnsafeArgumentException naming the first line that is not on the allow-list, a placeholder the run
     *                                 was not started with, or a name that is not a valid MQ name
     */
    public static List<MqscCommand> parse(String text, Map<String, String> sealed) {
        if (text == null || text.isBlank()) {
            throw new UnsafeArgumentException("the step's MQSC is empty; it takes one of " + ALLOWED);
        }
        List<MqscCommand> commands = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("*")) {
                continue;
            }
            commands.add(parseLine(line, sealed));
        }
        if (commands.isEmpty()) {
            throw new UnsafeArgumentException("the step's MQSC holds no command; it takes one of " + ALLOWED);
        }
        return List.copyOf(commands);
    }

    private static MqscCommand parseLine(String line, Map<String, String> sealed) {
        Matcher m;
        if (QMSTATUS.matcher(line).matches()) {
            return new MqscCommand(Kind.DISPLAY_QMSTATUS, null);
        }
        if ((m = CHSTATUS.matcher(line)).matches()) {
            return new MqscCommand(Kind.DISPLAY_CHSTATUS, resolveName(m.group(1), sealed, line));
        }
        if ((m = CURDEPTH.matcher(line)).matches()) {
            return new MqscCommand(Kind.DISPLAY_CURDEPTH, resolveName(m.group(1), sealed, line));
        }
        if ((m = CHANNEL_COMMAND.matcher(line)).matches()) {
            Kind kind = m.group(1).equalsIgnoreCase("START") ? Kind.START_CHANNEL : Kind.STOP_CHANNEL;
            return new MqscCommand(kind, resolveName(m.group(2), sealed, line));
        }
        throw new UnsafeArgumentException("MQSC '" + shorten(line) + "' is not one a generic step runs; it takes "
                + ALLOWED + " (one a line); nothing was sent");
    }

    /**
     * A name as the model writes it: {@code {key}} from the sealed start values, {@code 'quoted'} as written, else
     * upper-cased (runmqsc's rule). Not yet checked: the caller checks it as the name of what it is.
     *
     * @param line what to quote in a refusal
     */
    public static String resolveName(String written, Map<String, String> sealed, String line) {
        Matcher placeholder = PLACEHOLDER.matcher(written);
        if (placeholder.matches()) {
            String key = placeholder.group(1);
            String value = sealed.get(key);
            if (value == null) {
                throw new UnsafeArgumentException("MQSC '" + shorten(line) + "' names {" + key + "}, but the run was"
                        + " not started with '" + key + "' (a placeholder is filled from the run's sealed start"
                        + " values only); nothing was sent");
            }
            // A sealed value is used as it was given: runmqsc would not upper-case a name a person typed.
            return value.strip();
        }
        if (written.startsWith("'")) {
            return written.substring(1, written.length() - 1);
        }
        return written.toUpperCase(Locale.ROOT);
    }

    private static String shorten(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
