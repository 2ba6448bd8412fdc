package io.mqrunbooks.lab.mq;

import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import io.mqrunbooks.lab.mq.MqscText.SyntaxError;
import io.mqrunbooks.lab.mq.MqscText.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * runmqsc: MQSC read from standard input.
 *
 * <p>Sources for the text: the banner, two blank lines, {@code "%6d : "} echo with continuation and comment
 * lines echoed as {@code "       : "}, "end" numbered but not counted, and the three trailer lines with their
 * singular/plural forms: MQ 9.x transcripts (RDQM sample in a public repository: "6 MQSC commands read." after
 * "     7 : end"; "One valid MQSC command could not be processed." after AMQ8420I; the MQ 9.1 MFT guide for
 * continuation lines and AMQ8405I followed by the segment and a blank line). Message numbers: AMQ8006I/8007I/
 * 8008I queue created/deleted/changed, AMQ8014I/8015I/8016I channel, AMQ8626I/8627I/8628I listener, AMQ8005I,
 * AMQ8018I, AMQ8019I, AMQ8021I, AMQ8706I, AMQ8020I, AMQ8022I, AMQ8143E, AMQ8147E, AMQ8150E, AMQ8227E, AMQ9514E,
 * AMQ9533E, AMQ8420I, AMQ8408I/8409I/8414I/8417I/8441I/8450I/8630I/8705I: IBM MQ 9.4 messages as seen in
 * the transcripts under src/test/resources/mq-transcripts/. AMQ8559I/AMQ8558I (SUSPEND/RESUME QMGR) were not
 * found in public transcripts (docs/lab.md). Exit codes 0/10/20: IBM MQ 9.4 docs, runmqsc.
 */
final class Mqsc {

    static final String BANNER = "5724-H72 (C) Copyright IBM Corp. 1994, 2024.";
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("DEFINE", "DEFINE"), Map.entry("DEF", "DEFINE"), Map.entry("ALTER", "ALTER"),
            Map.entry("ALT", "ALTER"), Map.entry("DELETE", "DELETE"), Map.entry("DISPLAY", "DISPLAY"),
            Map.entry("DIS", "DISPLAY"), Map.entry("START", "START"), Map.entry("STA", "START"),
            Map.entry("STOP", "STOP"), Map.entry("PING", "PING"), Map.entry("SUSPEND", "SUSPEND"),
            Map.entry("RESUME", "RESUME"), Map.entry("CLEAR", "CLEAR"));
    private static final Map<String, String> OBJECTS = Map.ofEntries(
            Map.entry("QLOCAL", "QLOCAL"), Map.entry("QL", "QLOCAL"), Map.entry("QREMOTE", "QREMOTE"),
            Map.entry("QR", "QREMOTE"), Map.entry("QALIAS", "QALIAS"), Map.entry("QA", "QALIAS"),
            Map.entry("QMODEL", "QMODEL"), Map.entry("QM", "QMODEL"), Map.entry("QUEUE", "QUEUE"),
            Map.entry("Q", "QUEUE"), Map.entry("CHANNEL", "CHANNEL"), Map.entry("CHL", "CHANNEL"),
            Map.entry("LISTENER", "LISTENER"), Map.entry("LSTR", "LISTENER"), Map.entry("QCLUSTER", "QCLUSTER"),
            Map.entry("QC", "QCLUSTER"), Map.entry("CLUSQMGR", "CLUSQMGR"), Map.entry("CHSTATUS", "CHSTATUS"),
            Map.entry("CHS", "CHSTATUS"), Map.entry("QSTATUS", "QSTATUS"), Map.entry("QS", "QSTATUS"),
            Map.entry("QMGR", "QMGR"), Map.entry("QMSTATUS", "QMSTATUS"), Map.entry("LSSTATUS", "LSSTATUS"));
    private static final Set<String> QMGR_KEYWORDS = Set.of("DESCR", "DEADQ", "DEFXMITQ", "REPOS", "REPOSNL",
            "CHLAUTH", "MAXMSGL", "CLWLUSEQ", "MONQ", "MONCHL", "STATQ", "STATCHL", "CCSID", "DEFCLXQ", "FORCE",
            "CONNAUTH", "SSLKEYR", "CERTLABL", "CHAD", "PERFMEV", "STRSTPEV");
    private static final Set<String> FLAGS = Set.of("TRIGGER", "NOTRIGGER", "SHARE", "NOSHARE", "HARDENBO",
            "NOHARDENBO");
    private static final Map<String, String> CHANGE_MESSAGES = Map.of("QUEUE created", "AMQ8006I",
            "QUEUE deleted", "AMQ8007I", "QUEUE changed", "AMQ8008I", "CHANNEL created", "AMQ8014I",
            "CHANNEL deleted", "AMQ8015I", "CHANNEL changed", "AMQ8016I", "LISTENER created", "AMQ8626I",
            "LISTENER changed", "AMQ8627I", "LISTENER deleted", "AMQ8628I");
    private static final Pattern WHERE = Pattern.compile(
            "\\s*([A-Za-z]+)\\s+(EQ|NE|LT|GT|LE|GE|LK|NL)\\s+('(?:[^']|'')*'|\\S+)\\s*", Pattern.CASE_INSENSITIVE);

    private enum Kind { OK, SYNTAX, FAILED }

    private record Result(List<String> lines, Kind kind) {
        static Result ok(String... lines) {
            return new Result(List.of(lines), Kind.OK);
        }

        static Result failed(String... lines) {
            return new Result(List.of(lines), Kind.FAILED);
        }
    }

    private final LabWorld world;

    Mqsc(LabWorld world) {
        this.world = world;
    }

    // ---------------------------------------------------------------- runmqsc

    LabExecution runmqsc(String host, List<String> args, String stdin) {
        boolean echo = true;
        String qmName = null;
        for (String a : args) {
            if (a.equals("-e")) {
                echo = false;
            } else if (a.startsWith("-") || qmName != null) {
                return Output.error(20, "Usage: runmqsc [-e] QMgrName");
            } else {
                qmName = a;
            }
        }
        Output out = new Output().out(BANNER);
        if (qmName == null) {
            // the lab defines no default queue manager, so runmqsc without a name finds none
            return out.out("").out(ControlCommands.DOES_NOT_EXIST).exit(20);
        }
        out.out("Starting MQSC for queue manager " + qmName + ".").out("");
        Optional<QueueManagerRuntime> found = world.runtime(host, qmName);
        if (found.isEmpty() || !host.equals(found.get().activeHost)) {
            String message = found.isEmpty() ? ControlCommands.DOES_NOT_EXIST : ControlCommands.NOT_AVAILABLE;
            return trailer(out.out(message), 0, 0, 0).exit(20);
        }
        QueueManagerRuntime rt = found.get();
        out.out("");
        int number = 0;
        int read = 0;
        int syntaxErrors = 0;
        int failed = 0;
        StringBuilder command = null;
        boolean stripNext = false;
        List<String> lines = new ArrayList<>(List.of(stdin.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).endsWith("\r") ? lines.get(i).substring(0, lines.get(i).length() - 1)
                    : lines.get(i);
            if (command == null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("*")) {
                    if (echo) {
                        out.out("       : " + line);
                    }
                    continue;
                }
                number++;
                if (echo) {
                    out.out(String.format("%6d : %s", number, line));
                }
                command = new StringBuilder();
            } else if (echo) {
                out.out("       : " + line);
            }
            String piece = stripNext ? line.stripLeading() : line;
            String body = piece.stripTrailing();
            boolean continued = body.endsWith("+") || body.endsWith("-");
            command.append(body, 0, body.length() - (continued ? 1 : 0));
            // "+" continues with the next line's first non-blank, "-" with its first column
            stripNext = body.endsWith("+");
            if (continued && i + 1 < lines.size()) {
                continue;
            }
            stripNext = false;
            String text = command.toString().strip();
            command = null;
            if (text.equalsIgnoreCase("END")) {
                break;
            }
            read++;
            Result result = execute(rt, host, text);
            result.lines().forEach(out::out);
            if (result.kind() == Kind.SYNTAX) {
                syntaxErrors++;
            } else if (result.kind() == Kind.FAILED) {
                failed++;
            }
        }
        return trailer(out, read, syntaxErrors, failed).exit(syntaxErrors + failed == 0 ? 0 : 10);
    }

    /** runmqsc's three closing lines, each with its singular and plural wording. */
    private static Output trailer(Output out, int read, int syntaxErrors, int failed) {
        out.out(read == 0 ? "No MQSC commands read." : read == 1 ? "One MQSC command read." : read + " MQSC commands read.");
        out.out(syntaxErrors == 0 ? "No commands have a syntax error."
                : syntaxErrors == 1 ? "One command has a syntax error." : syntaxErrors + " commands have a syntax error.");
        out.out(failed == 0 ? "All valid MQSC commands were processed."
                : failed == 1 ? "One valid MQSC command could not be processed."
                : failed + " valid MQSC commands could not be processed.");
        return out;
    }

    private static Result syntax(String text, int end) {
        String segment = text.substring(0, Math.min(end, text.length())).strip();
        return new Result(List.of("AMQ8405I: Syntax error detected at or near end of command segment below:-",
                segment, ""), Kind.SYNTAX);
    }

    /** "AMQ8006I: IBM MQ queue created." and the like, for DEFINE, ALTER and DELETE of a queue, channel or listener. */
    private static Result objectChanged(ObjectType type, String change) {
        return Result.ok(CHANGE_MESSAGES.get(type.namespace() + " " + change) + ": IBM MQ "
                + type.namespace().toLowerCase(Locale.ROOT) + " " + change + ".");
    }

    private static Result notFound(String name) {
        return Result.failed("AMQ8147E: IBM MQ object " + name + " not found.");
    }

    private Result execute(QueueManagerRuntime rt, String host, String text) {
        List<Token> tokens;
        try {
            tokens = MqscText.tokenize(text);
        } catch (SyntaxError e) {
            return syntax(text, e.end);
        }
        Token verbToken = tokens.get(0);
        String verb = VERBS.get(verbToken.keyword());
        if (verb == null || verbToken.hasValue()) {
            return syntax(text, verbToken.end());
        }
        if (tokens.size() < 2) {
            return syntax(text, text.length());
        }
        Token objectToken = tokens.get(1);
        String object = OBJECTS.get(objectToken.keyword());
        if (object == null) {
            return syntax(text, objectToken.end());
        }
        List<Token> params = tokens.subList(2, tokens.size());
        try {
            return switch (verb) {
                case "DEFINE" -> define(rt, text, object, objectToken, params);
                case "ALTER" -> alter(rt, text, object, objectToken, params);
                case "DELETE" -> delete(rt, text, object, objectToken, params);
                case "CLEAR" -> clear(rt, text, object, objectToken, params);
                case "DISPLAY" -> display(rt, host, text, object, objectToken, params);
                case "START", "STOP" -> startStop(rt, text, verb, object, objectToken, params);
                case "PING" -> ping(rt, text, object, objectToken, params);
                default -> suspendResume(rt, text, verb, object, objectToken, params);
            };
        } catch (SyntaxError e) {
            return syntax(text, e.end);
        }
    }

    private static String requireName(String text, Token objectToken, boolean channel) throws SyntaxError {
        if (!objectToken.hasValue()) {
            throw new SyntaxError(objectToken.end());
        }
        String name = objectToken.value();
        boolean bad = channel ? NameRules.checkChannelName(name).isPresent() : NameRules.checkMqName(name).isPresent();
        if (bad) {
            throw new SyntaxError(objectToken.end());
        }
        return name;
    }

    // ---------------------------------------------------------------- DEFINE / ALTER / DELETE / CLEAR

    private static ObjectType definable(String object, Token objectToken) throws SyntaxError {
        return switch (object) {
            case "QLOCAL" -> ObjectType.QLOCAL;
            case "QREMOTE" -> ObjectType.QREMOTE;
            case "QALIAS" -> ObjectType.QALIAS;
            case "QMODEL" -> ObjectType.QMODEL;
            case "CHANNEL" -> ObjectType.CHANNEL;
            case "LISTENER" -> ObjectType.LISTENER;
            default -> throw new SyntaxError(objectToken.end());
        };
    }

    private Result define(QueueManagerRuntime rt, String text, String object, Token objectToken, List<Token> params)
            throws SyntaxError {
        ObjectType type = definable(object, objectToken);
        String name = requireName(text, objectToken, type == ObjectType.CHANNEL);
        boolean replace = false;
        String like = null;
        String chltype = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (Token t : params) {
            String k = t.keyword();
            if ((k.equals("REPLACE") || k.equals("NOREPLACE")) && !t.hasValue()) {
                replace = k.equals("REPLACE");
            } else if (k.equals("LIKE") && t.hasValue()) {
                like = t.value();
            } else if (k.equals("CHLTYPE") && type == ObjectType.CHANNEL && t.hasValue()) {
                chltype = t.value().toUpperCase(Locale.ROOT);
                if (!ObjectType.CHANNEL_TYPES.contains(chltype)) {
                    throw new SyntaxError(t.end());
                }
            } else {
                acceptAttribute(type, t, values);
            }
        }
        if (type == ObjectType.CHANNEL && chltype == null) {
            throw new SyntaxError(text.length());
        }
        Map<String, MqObject> namespace = rt.data.namespace(type);
        MqObject existing = namespace.get(name);
        if (existing != null && (!replace || existing.type() != type
                || (chltype != null && !chltype.equals(existing.channelType())))) {
            return Result.failed("AMQ8150E: IBM MQ object already exists.");
        }
        String now = world.stamp();
        MqObject obj;
        if (existing != null) {
            obj = existing.copy();
        } else if (like != null) {
            MqObject source = namespace.get(like);
            if (source == null || source.type() != type) {
                return notFound(like);
            }
            obj = source.renamed(name);
            obj.set("CRDATE", now.substring(0, 10));
            obj.set("CRTIME", now.substring(11));
        } else {
            obj = MqObject.withDefaults(type, name, chltype, now);
        }
        values.forEach(obj::set);
        obj.set("ALTDATE", now.substring(0, 10));
        obj.set("ALTTIME", now.substring(11));
        namespace.put(name, obj);
        return objectChanged(type, "created");
    }

    private static void acceptAttribute(ObjectType type, Token t, Map<String, String> values) throws SyntaxError {
        String k = t.keyword();
        if (FLAGS.contains(k) && !t.hasValue() && type.accepts(k)) {
            values.put(k, null);
            return;
        }
        if (!t.hasValue() || !type.accepts(k)) {
            throw new SyntaxError(t.end());
        }
        String value = t.value();
        if (!MqscText.STRING_ATTRIBUTES.contains(k)) {
            value = value.toUpperCase(Locale.ROOT);
            if (k.equals("MAXDEPTH") || k.equals("PORT") || k.equals("MAXMSGL") || k.equals("BATCHSZ")) {
                if (!value.matches("\\d{1,9}")) {
                    throw new SyntaxError(t.end());
                }
            }
        }
        values.put(k, value);
    }

    private Result alter(QueueManagerRuntime rt, String text, String object, Token objectToken, List<Token> params)
            throws SyntaxError {
        if (object.equals("QMGR")) {
            if (objectToken.hasValue()) {
                throw new SyntaxError(objectToken.end());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Token t : params) {
                if (!QMGR_KEYWORDS.contains(t.keyword()) || (t.hasValue() == t.keyword().equals("FORCE"))) {
                    throw new SyntaxError(t.end());
                }
                if (t.hasValue()) {
                    values.put(t.keyword(), MqscText.STRING_ATTRIBUTES.contains(t.keyword()) ? t.value()
                            : t.value().toUpperCase(Locale.ROOT));
                }
            }
            rt.data.qmgrAttributes.putAll(values);
            return Result.ok("AMQ8005I: IBM MQ queue manager changed.");
        }
        ObjectType type = definable(object, objectToken);
        String name = requireName(text, objectToken, type == ObjectType.CHANNEL);
        String chltype = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (Token t : params) {
            if (t.keyword().equals("CHLTYPE") && type == ObjectType.CHANNEL && t.hasValue()) {
                chltype = t.value().toUpperCase(Locale.ROOT);
                if (!ObjectType.CHANNEL_TYPES.contains(chltype)) {
                    throw new SyntaxError(t.end());
                }
            } else if (t.keyword().equals("FORCE") && !t.hasValue()) {
                continue;
            } else {
                acceptAttribute(type, t, values);
            }
        }
        if (type == ObjectType.CHANNEL && chltype == null) {
            throw new SyntaxError(text.length());
        }
        MqObject existing = rt.data.namespace(type).get(name);
        if (existing == null || existing.type() != type || (chltype != null && !chltype.equals(existing.channelType()))) {
            return notFound(name);
        }
        values.forEach(existing::set);
        String now = world.stamp();
        existing.set("ALTDATE", now.substring(0, 10));
        existing.set("ALTTIME", now.substring(11));
        return objectChanged(type, "changed");
    }

    private Result delete(QueueManagerRuntime rt, String text, String object, Token objectToken, List<Token> params)
            throws SyntaxError {
        ObjectType type = definable(object, objectToken);
        String name = requireName(text, objectToken, type == ObjectType.CHANNEL);
        boolean purge = false;
        for (Token t : params) {
            if ((t.keyword().equals("PURGE") || t.keyword().equals("NOPURGE")) && !t.hasValue()
                    && type == ObjectType.QLOCAL) {
                purge = t.keyword().equals("PURGE");
            } else if (!(t.keyword().equals("CHLTYPE") && type == ObjectType.CHANNEL && t.hasValue())) {
                throw new SyntaxError(t.end());
            }
        }
        MqObject existing = rt.data.namespace(type).get(name);
        if (existing == null || existing.type() != type) {
            return notFound(name);
        }
        if (type == ObjectType.QLOCAL && rt.data.depth(name) > 0 && !purge) {
            return Result.failed("AMQ8143E: IBM MQ queue not empty.");
        }
        rt.data.namespace(type).remove(name);
        rt.data.messages.remove(name);
        rt.data.channelRequests.remove(name);
        rt.data.runningListeners.remove(name);
        return objectChanged(type, "deleted");
    }

    private Result clear(QueueManagerRuntime rt, String text, String object, Token objectToken, List<Token> params)
            throws SyntaxError {
        if (!object.equals("QLOCAL")) {
            throw new SyntaxError(objectToken.end());
        }
        String name = requireName(text, objectToken, false);
        if (!params.isEmpty()) {
            throw new SyntaxError(params.get(0).end());
        }
        MqObject q = rt.data.queues.get(name);
        if (q == null || q.type() != ObjectType.QLOCAL) {
            return notFound(name);
        }
        rt.data.messages.remove(name);
        return Result.ok("AMQ8022I: IBM MQ queue cleared.");
    }

    // ---------------------------------------------------------------- START / STOP / PING / SUSPEND / RESUME

    private Result startStop(QueueManagerRuntime rt, String text, String verb, String object, Token objectToken,
                             List<Token> params) throws SyntaxError {
        boolean start = verb.equals("START");
        if (object.equals("LISTENER")) {
            String name = requireName(text, objectToken, false);
            if (!params.isEmpty()) {
                throw new SyntaxError(params.get(0).end());
            }
            if (!rt.data.listeners.containsKey(name)) {
                return notFound(name);
            }
            if (start) {
                rt.data.runningListeners.add(name);
                return Result.ok("AMQ8021I: Request to start IBM MQ listener accepted.");
            }
            rt.data.runningListeners.remove(name);
            return Result.ok("AMQ8706I: Request to stop IBM MQ listener accepted.");
        }
        if (!object.equals("CHANNEL")) {
            throw new SyntaxError(objectToken.end());
        }
        String name = requireName(text, objectToken, true);
        boolean inactive = false;
        boolean quiesce = true;
        for (Token t : params) {
            boolean stopOption = !start && t.hasValue() && (t.keyword().equals("MODE") || t.keyword().equals("STATUS")
                    || t.keyword().equals("QMNAME") || t.keyword().equals("CONNAME"));
            if (!stopOption) {
                throw new SyntaxError(t.end());
            }
            if (t.keyword().equals("STATUS")) {
                if (!Set.of("STOPPED", "INACTIVE").contains(t.value())) {
                    throw new SyntaxError(t.end());
                }
                inactive = t.value().equals("INACTIVE");
            }
            if (t.keyword().equals("MODE")) {
                if (!Set.of("QUIESCE", "FORCE", "TERMINATE").contains(t.value())) {
                    throw new SyntaxError(t.end());
                }
                quiesce = t.value().equals("QUIESCE");
            }
        }
        MqObject channel = rt.data.channels.get(name);
        if (channel == null && world.autoDefinedClusterSender(rt, name)) {
            return startStopAutoDefined(rt, name, start, inactive);
        }
        if (channel == null) {
            return Result.failed("AMQ8227E: Channel " + name + " not found.");
        }
        boolean sender = "SDR".equals(channel.channelType()) || "CLUSSDR".equals(channel.channelType());
        if (start) {
            String current = sender ? world.senderStatus(rt, channel) : null;
            if (current != null && Set.of("RUNNING", "BINDING", "STARTING", "STOPPING").contains(current)) {
                return Result.failed("AMQ9514E: Channel '" + name + "' is in use.");
            }
            if (sender) {
                world.startChannel(rt, name);
            } else {
                rt.data.channelMessages.remove(name);
                rt.data.channelRequests.remove(name);
            }
            return Result.ok("AMQ8018I: Start IBM MQ channel accepted.");
        }
        boolean active = sender ? world.senderStatus(rt, channel) != null : world.receiverPeer(rt, channel) != null;
        if (!active) {
            return Result.failed("AMQ9533E: Channel '" + name + "' is not currently active.");
        }
        if (inactive) {
            rt.data.channelRequests.remove(name);
        } else if (sender) {
            String current = world.senderStatus(rt, channel);
            world.stopChannel(rt, name, quiesce && ("RUNNING".equals(current) || "BINDING".equals(current)));
            rt.data.savedStatus.computeIfPresent(name, (n, saved) -> saved.stopped());
        } else {
            rt.data.channelRequests.put(name, "STOP");
            rt.data.savedStatus.computeIfPresent(name, (n, saved) -> saved.stopped());
        }
        return Result.ok("AMQ8019I: Stop IBM MQ channel accepted.");
    }

    /**
     * START/STOP CHANNEL of an auto-defined cluster-sender, which is not an object: IBM's Start Channel and Stop
     * Channel commands apply to it when no channel of that name is defined locally (IBM MQ 9.1 docs, "Stop
     * Channel", https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q088480_.htm).
     * Stopped, it shows STOPPED and holds its messages on the cluster transmission queue until started.
     */
    private Result startStopAutoDefined(QueueManagerRuntime rt, String name, boolean start, boolean inactive) {
        if (start) {
            if (!"STOP".equals(rt.data.channelRequests.get(name))) {
                return Result.failed("AMQ9514E: Channel '" + name + "' is in use.");
            }
            rt.data.channelRequests.remove(name);
            return Result.ok("AMQ8018I: Start IBM MQ channel accepted.");
        }
        if ("STOP".equals(rt.data.channelRequests.get(name))) {
            return Result.failed("AMQ9533E: Channel '" + name + "' is not currently active.");
        }
        if (!inactive) {
            rt.data.channelRequests.put(name, "STOP");
            rt.data.savedStatus.computeIfPresent(name, (n, saved) -> saved.stopped());
        }
        return Result.ok("AMQ8019I: Stop IBM MQ channel accepted.");
    }

    private Result ping(QueueManagerRuntime rt, String text, String object, Token objectToken, List<Token> params)
            throws SyntaxError {
        if (!object.equals("CHANNEL")) {
            throw new SyntaxError(objectToken.end());
        }
        String name = requireName(text, objectToken, true);
        for (Token t : params) {
            if (!t.keyword().equals("DATALEN") || !t.hasValue()) {
                throw new SyntaxError(t.end());
            }
        }
        MqObject channel = rt.data.channels.get(name);
        if (channel == null) {
            return Result.failed("AMQ8227E: Channel " + name + " not found.");
        }
        if (!"SDR".equals(channel.channelType()) && !"CLUSSDR".equals(channel.channelType())) {
            return Result.failed("AMQ9547E: Type of remote channel not suitable for action requested.");
        }
        if (world.senderTarget(rt, channel).isPresent()) {
            return Result.ok("AMQ8020I: Ping IBM MQ channel complete.");
        }
        String conname = channel.attribute("CONNAME").split(",")[0].trim();
        String shown = conname.replaceFirst("\\((\\d+)\\)$", " ($1)");
        return Result.failed("AMQ9202E: Remote host '" + shown + "' not available, retry later.");
    }

    private Result suspendResume(QueueManagerRuntime rt, String text, String verb, String object, Token objectToken,
                                 List<Token> params) throws SyntaxError {
        if (!object.equals("QMGR") || objectToken.hasValue()) {
            throw new SyntaxError(objectToken.end());
        }
        String cluster = null;
        for (Token t : params) {
            if (t.keyword().equals("CLUSTER") && t.hasValue()) {
                cluster = t.value();
            } else if (!(verb.equals("SUSPEND") && t.keyword().equals("MODE") && t.hasValue()
                    && Set.of("QUIESCE", "FORCE").contains(t.value()))) {
                throw new SyntaxError(t.end());
            }
        }
        if (cluster == null) {
            throw new SyntaxError(text.length());
        }
        String name = cluster;
        if (world.clustersOf(rt).stream().noneMatch(c -> c.name().equals(name))) {
            return notFound(cluster);
        }
        if (verb.equals("SUSPEND")) {
            rt.data.suspendedClusters.add(cluster);
            return Result.ok("AMQ8559I: Suspend Queue Manager Cluster accepted.");
        }
        rt.data.suspendedClusters.remove(cluster);
        return Result.ok("AMQ8558I: Resume Queue Manager Cluster accepted.");
    }

    // ---------------------------------------------------------------- DISPLAY

    /**
     * A displayed object: every attribute in MQ's order, how many (from the start) identify it and always show,
     * and which show when no attribute is asked for.
     */
    private record Row(LinkedHashMap<String, String> attributes, Set<String> always, Set<String> byDefault) {

        Row(LinkedHashMap<String, String> attributes, int identity, int firstByDefault) {
            this(attributes, identity, first(attributes, firstByDefault));
        }

        Row(LinkedHashMap<String, String> attributes, int identity, Set<String> byDefault) {
            this(attributes, first(attributes, identity), byDefault);
        }

        private static Set<String> first(LinkedHashMap<String, String> attributes, int n) {
            return Set.copyOf(new ArrayList<>(attributes.keySet()).subList(0, Math.min(n, attributes.size())));
        }
    }

    /** What a DISPLAY selects before its attribute keywords and filters apply. */
    private record Selection(String header, List<Row> rows, Set<String> known) {
    }

    /** The outcome of one MQSC command: its response lines and whether it failed or had a syntax error. */
    record Outcome(List<String> lines, boolean failed) {
    }

    /** One command as runmqsc runs it; for the lab's PCF command server (Escape and the action commands). */
    Outcome command(QueueManagerRuntime rt, String host, String text) {
        Result result = execute(rt, host, text);
        return new Outcome(result.lines(), result.kind() != Kind.OK);
    }

    /**
     * Every attribute of every object DISPLAY object(pattern) ALL selects (QMGR and QMSTATUS take no pattern); for
     * the lab's PCF command server, which answers Inquire commands from the same model.
     */
    List<Map<String, String>> displayAll(QueueManagerRuntime rt, String host, String object, String pattern) {
        Selection selection = select(rt, host, object, pattern);
        if (selection == null) {
            throw new IllegalArgumentException("DISPLAY " + object + " is not simulated");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        selection.rows().forEach(row -> rows.add(new LinkedHashMap<>(row.attributes())));
        return rows;
    }

    private Result display(QueueManagerRuntime rt, String host, String text, String object, Token objectToken,
                           List<Token> params) throws SyntaxError {
        if (object.equals("QMSTATUS") && rt.nativeHa != null && params.stream().anyMatch(t -> t.keyword().equals("TYPE")
                && "NATIVEHA".equals(t.value()))) {
            return new Result(new NativeHaCommands(world).displayQmstatus(host, rt.nativeHa), Kind.OK);
        }
        String pattern = objectToken.value();
        boolean named = !object.equals("QMGR") && !object.equals("QMSTATUS");
        if (named && pattern == null) {
            throw new SyntaxError(objectToken.end());
        }
        if (!named && objectToken.hasValue()) {
            throw new SyntaxError(objectToken.end());
        }
        Selection selection = select(rt, host, object, pattern);
        if (selection == null) {
            throw new SyntaxError(objectToken.end());
        }
        String header = selection.header();
        List<Row> rows = selection.rows();
        Set<String> known = selection.known();
        boolean all = false;
        String instanceType = null;
        List<String> requested = new ArrayList<>();
        Map<String, String> filters = new LinkedHashMap<>();
        String[] where = null;
        for (Token t : params) {
            String k = t.keyword();
            if (k.equals("ALL") && !t.hasValue()) {
                all = true;
            } else if (object.equals("CHSTATUS") && CHSTATUS_INSTANCE_TYPES.contains(k) && !t.hasValue()) {
                if (instanceType != null) {
                    throw new SyntaxError(t.end());
                }
                instanceType = k;
            } else if (k.equals("WHERE") && t.hasValue() && where == null) {
                where = parseWhere(t, known);
            } else if (known.contains(k) && !t.hasValue()) {
                requested.add(k);
            } else if (known.contains(k) && t.hasValue() && Set.of("CLUSTER", "TYPE", "CHLTYPE").contains(k)) {
                filters.put(k, t.value());
            } else {
                throw new SyntaxError(t.end());
            }
        }
        if ("SAVED".equals(instanceType)) {
            rows = savedChannelStatusRows(rt, pattern);
        }
        if (rows.isEmpty()) {
            return object.equals("CHSTATUS") ? Result.failed("AMQ8420I: Channel Status not found.")
                    : notFound(pattern);
        }
        if (requested.isEmpty() && ALL_BY_DEFAULT_FOR_ONE_NAME.contains(object) && !pattern.endsWith("*")) {
            all = true;
        }
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if (!passes(row, filters, where)) {
                continue;
            }
            LinkedHashMap<String, String> shown = new LinkedHashMap<>();
            boolean defaultView = !all && requested.isEmpty();
            for (Map.Entry<String, String> e : row.attributes().entrySet()) {
                boolean show = all || row.always().contains(e.getKey())
                        || (defaultView && row.byDefault().contains(e.getKey()))
                        || requested.contains(e.getKey()) || filters.containsKey(e.getKey())
                        || (where != null && where[0].equals(e.getKey()));
                if (show) {
                    shown.put(e.getKey(), e.getValue());
                }
            }
            lines.add(header);
            lines.addAll(MqscText.layout(shown));
        }
        return new Result(lines, Kind.OK);
    }

    /** The objects a DISPLAY of this object type and name pattern selects; null for a type not simulated. */
    private Selection select(QueueManagerRuntime rt, String host, String object, String pattern) {
        String header;
        List<Row> rows = new ArrayList<>();
        Set<String> known;
        switch (object) {
            case "QMGR" -> {
                header = "AMQ8408I: Display Queue Manager details.";
                rows.add(qmgrRow(rt));
                known = rows.get(0).attributes().keySet();
            }
            case "QMSTATUS" -> {
                header = "AMQ8705I: Display Queue Manager Status Details.";
                rows.add(qmstatusRow(rt, host));
                known = rows.get(0).attributes().keySet();
            }
            case "QUEUE", "QLOCAL", "QREMOTE", "QALIAS", "QMODEL" -> {
                header = "AMQ8409I: Display Queue details.";
                for (MqObject q : rt.data.queues.values()) {
                    if ((object.equals("QUEUE") || q.type().name().equals(object)) && MqscText.matches(pattern, q.name())) {
                        rows.add(queueRow(rt, q));
                    }
                }
                known = QUEUE_KEYWORDS;
            }
            case "QCLUSTER" -> {
                header = "AMQ8409I: Display Queue details.";
                rows.addAll(clusterQueueRows(rt, pattern));
                known = Set.of("QUEUE", "TYPE", "CLUSQMGR", "CLUSTER", "ALTDATE", "ALTTIME", "CLUSDATE", "CLUSQT",
                        "CLUSTIME", "DEFBIND", "DEFPRTY", "DEFPSIST", "DESCR", "PUT", "QMID");
            }
            case "CLUSQMGR" -> {
                header = "AMQ8441I: Display Cluster Queue Manager details.";
                rows.addAll(clusterQueueManagerRows(rt, pattern));
                known = Set.of("CLUSQMGR", "CHANNEL", "CLUSTER", "ALTDATE", "ALTTIME", "BATCHSZ", "CLUSDATE",
                        "CLUSTIME", "CONNAME", "DEFTYPE", "DESCR", "QMID", "QMTYPE", "STATUS", "SUSPEND", "TRPTYPE",
                        "VERSION");
            }
            case "CHANNEL" -> {
                header = "AMQ8414I: Display Channel details.";
                for (MqObject c : rt.data.channels.values()) {
                    if (MqscText.matches(pattern, c.name())) {
                        rows.add(objectRow(c, "CHANNEL", "CHLTYPE", c.channelType(), Map.of()));
                    }
                }
                known = CHANNEL_KEYWORDS;
            }
            case "CHSTATUS" -> {
                header = "AMQ8417I: Display Channel Status details.";
                rows.addAll(channelStatusRows(rt, pattern));
                known = CHSTATUS_KEYWORDS;
            }
            case "QSTATUS" -> {
                header = "AMQ8450I: Display queue status details.";
                for (MqObject q : rt.data.queues.values()) {
                    if (q.type() == ObjectType.QLOCAL && MqscText.matches(pattern, q.name())) {
                        LinkedHashMap<String, String> a = new LinkedHashMap<>();
                        a.put("QUEUE", q.name());
                        a.put("TYPE", "QUEUE");
                        a.put("CURDEPTH", Integer.toString(rt.data.depth(q.name())));
                        a.put("IPPROCS", "0");
                        a.put("OPPROCS", "0");
                        a.put("UNCOM", "NO");
                        rows.add(new Row(a, 2, a.size()));
                    }
                }
                known = Set.of("QUEUE", "TYPE", "CURDEPTH", "IPPROCS", "OPPROCS", "UNCOM");
            }
            case "LISTENER" -> {
                header = "AMQ8630I: Display listener information details.";
                for (MqObject l : rt.data.listeners.values()) {
                    if (MqscText.matches(pattern, l.name())) {
                        LinkedHashMap<String, String> a = new LinkedHashMap<>();
                        LISTENER_ATTRIBUTES.forEach(k -> a.put(k, k.equals("LISTENER") ? l.name() : l.attribute(k)));
                        rows.add(new Row(a, 1, 1));
                    }
                }
                known = Set.copyOf(LISTENER_ATTRIBUTES);
            }
            case "LSSTATUS" -> {
                // Layout of DISPLAY LSSTATUS(*) ALL in the MQ 9.4.2 transcript (display-channel-listener-9.4.txt)
                header = "AMQ8631I: Display listener status details.";
                int pid = 3887;
                for (MqObject l : rt.data.listeners.values()) {
                    if (rt.data.runningListeners.contains(l.name()) && MqscText.matches(pattern, l.name())) {
                        String started = world.stampOf(rt.startedAt);
                        LinkedHashMap<String, String> a = new LinkedHashMap<>();
                        a.put("LISTENER", l.name());
                        a.put("STATUS", "RUNNING");
                        a.put("PID", Integer.toString(pid++));
                        a.put("STARTDA", started.substring(0, 10));
                        a.put("STARTTI", started.substring(11));
                        a.put("DESCR", l.attribute("DESCR"));
                        a.put("TRPTYPE", l.attribute("TRPTYPE"));
                        a.put("CONTROL", l.attribute("CONTROL"));
                        a.put("IPADDR", l.attribute("IPADDR").isEmpty() ? "*" : l.attribute("IPADDR"));
                        a.put("PORT", l.attribute("PORT"));
                        a.put("BACKLOG", "100");
                        rows.add(new Row(a, 2, a.size()));
                    }
                }
                known = Set.of("LISTENER", "STATUS", "PID", "STARTDA", "STARTTI", "DESCR", "TRPTYPE", "CONTROL",
                        "IPADDR", "PORT", "BACKLOG");
            }
            default -> {
                return null;
            }
        }
        return new Selection(header, rows, known);
    }

    private static String[] parseWhere(Token t, Set<String> known) throws SyntaxError {
        Matcher m = WHERE.matcher(t.value());
        if (!m.matches()) {
            throw new SyntaxError(t.end());
        }
        String attribute = m.group(1).toUpperCase(Locale.ROOT);
        if (!known.contains(attribute)) {
            throw new SyntaxError(t.end());
        }
        String value = m.group(3);
        value = value.startsWith("'") ? value.substring(1, value.length() - 1).replace("''", "'")
                : value.toUpperCase(Locale.ROOT);
        return new String[] {attribute, m.group(2).toUpperCase(Locale.ROOT), value};
    }

    private static boolean passes(Row row, Map<String, String> filters, String[] where) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String actual = row.attributes().get(f.getKey());
            if (actual == null || !MqscText.matches(f.getValue(), actual)) {
                return false;
            }
        }
        if (where == null) {
            return true;
        }
        String actual = row.attributes().get(where[0]);
        if (actual == null) {
            return false;
        }
        String wanted = where[2];
        int compare;
        if (actual.matches("-?\\d+") && wanted.matches("-?\\d+")) {
            compare = Long.compare(Long.parseLong(actual), Long.parseLong(wanted));
        } else {
            compare = actual.compareTo(wanted);
        }
        return switch (where[1]) {
            case "EQ" -> wanted.endsWith("*") ? MqscText.matches(wanted, actual) : compare == 0;
            case "NE" -> wanted.endsWith("*") ? !MqscText.matches(wanted, actual) : compare != 0;
            case "LT" -> compare < 0;
            case "GT" -> compare > 0;
            case "LE" -> compare <= 0;
            case "GE" -> compare >= 0;
            case "LK" -> MqscText.matches(wanted, actual);
            default -> !MqscText.matches(wanted, actual);
        };
    }

    /**
     * Objects whose DISPLAY of one (not generic) name with no attribute asked for shows every attribute: "The ALL
     * parameter of the DISPLAY CHANNEL command is assumed by default if no specific attributes are requested and
     * the channel name specified is not generic" (IBM MQ docs, "Displaying a channel",
     * https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=objects-displaying-channel). The lab applies the same rule
     * to DISPLAY QUEUE and DISPLAY CLUSQMGR, as MQ on Linux does; no public page quoting their ALL default was found.
     */
    private static final Set<String> ALL_BY_DEFAULT_FOR_ONE_NAME = Set.of("CHANNEL", "QUEUE", "QLOCAL", "QREMOTE",
            "QALIAS", "QMODEL", "CLUSQMGR");

    private static final List<String> LISTENER_ATTRIBUTES = List.of("LISTENER", "CONTROL", "TRPTYPE", "PORT",
            "IPADDR", "BACKLOG", "DESCR", "ALTDATE", "ALTTIME");
    private static final Set<String> QUEUE_KEYWORDS = keywords(List.of("QUEUE", "TYPE", "CURDEPTH", "IPPROCS",
            "OPPROCS", "ALTDATE", "ALTTIME", "CRDATE", "CRTIME"), ObjectType.QLOCAL.defaults(),
            ObjectType.QREMOTE.defaults(), ObjectType.QALIAS.defaults(), ObjectType.QMODEL.defaults());
    private static final Set<String> CHANNEL_KEYWORDS = keywords(List.of("CHANNEL", "CHLTYPE", "ALTDATE", "ALTTIME"),
            ObjectType.SENDER_DEFAULTS, ObjectType.RECEIVER_DEFAULTS, ObjectType.CLUSTER_CHANNEL_DEFAULTS,
            ObjectType.SVRCONN_DEFAULTS);

    /** What DISPLAY of an object type knows: {@code shown} and the keywords of every {@code KEY=default}. */
    @SafeVarargs
    private static Set<String> keywords(List<String> shown, List<String>... defaults) {
        Set<String> keywords = new java.util.HashSet<>(shown);
        for (List<String> list : defaults) {
            list.forEach(d -> keywords.add(d.substring(0, d.indexOf('='))));
        }
        return Set.copyOf(keywords);
    }

    /**
     * Name and type first, then the other attributes and the {@code live} ones (a local queue's depth and handles)
     * in alphabetical order (as DISPLAY lists them).
     */
    private static Row objectRow(MqObject o, String nameKey, String typeKey, String typeValue, Map<String, String> live) {
        LinkedHashMap<String, String> a = new LinkedHashMap<>();
        a.put(nameKey, o.name());
        a.put(typeKey, typeValue);
        Map<String, String> rest = new TreeMap<>(o.attributes());
        rest.putAll(live);
        rest.remove(typeKey);
        rest.forEach((k, v) -> {
            if (v != null) {
                a.put(k, v);
            }
        });
        return new Row(a, 2, 2);
    }

    private Row queueRow(QueueManagerRuntime rt, MqObject q) {
        Map<String, String> live = q.type() != ObjectType.QLOCAL ? Map.of()
                : Map.of("CURDEPTH", Integer.toString(rt.data.depth(q.name())), "IPPROCS", "0", "OPPROCS", "0");
        return objectRow(q, "QUEUE", "TYPE", q.type().name(), live);
    }

    private Row qmgrRow(QueueManagerRuntime rt) {
        LinkedHashMap<String, String> a = new LinkedHashMap<>();
        a.put("QMNAME", rt.data.qmgrAttributes.get("QMNAME"));
        Map<String, String> rest = new TreeMap<>(rt.data.qmgrAttributes);
        rest.remove("QMNAME");
        a.putAll(rest);
        return new Row(a, 1, a.size());
    }

    private Row qmstatusRow(QueueManagerRuntime rt, String host) {
        String dataPath = rt.isRdqm() ? "/var/mqm/vols/" + rt.name.toLowerCase(Locale.ROOT) + "/qmgr/"
                + rt.name.toLowerCase(Locale.ROOT) : "/var/mqm/qmgrs/" + NameRules.queueManagerDirectory(rt.name);
        String started = world.stampOf(rt.startedAt);
        Map<String, String> rest = new TreeMap<>();
        rest.put("CHINIT", "RUNNING");
        rest.put("CMDSERV", "RUNNING");
        rest.put("CONNS", "22");
        rest.put("DATPATH", dataPath);
        rest.put("HOSTNAME", host);
        rest.put("INSTNAME", "Installation1");
        rest.put("INSTPATH", "/opt/mqm");
        rest.put("LOGPATH", "/var/mqm/log/" + rt.name + "/active/");
        rest.put("STANDBY", rt.standbyPermitted ? "PERMIT" : "NOPERMIT");
        rest.put("STARTDA", started.substring(0, 10));
        rest.put("STARTTI", started.substring(11));
        // DISPLAY QMSTATUS shows QMNAME and STATUS; ALL shows QMNAME, TYPE, STATUS, then the rest (9.4 transcript).
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        ordered.put("QMNAME", rt.name);
        ordered.put("TYPE", "QMGR");
        ordered.put("STATUS", "RUNNING");
        ordered.putAll(rest);
        return new Row(ordered, 1, Set.of("QMNAME", "STATUS"));
    }

    private List<Row> clusterQueueManagerRows(QueueManagerRuntime rt, String pattern) {
        List<Row> rows = new ArrayList<>();
        for (Cluster cluster : world.clustersOf(rt)) {
            for (String name : world.knownMembers(rt, cluster)) {
                if (!MqscText.matches(pattern, name)) {
                    continue;
                }
                Optional<QueueManagerRuntime> member = name.equals(rt.name) ? Optional.of(rt) : world.member(name);
                if (member.isEmpty()) {
                    continue;
                }
                QueueManagerRuntime m = member.get();
                MqObject rcvr = LabWorld.clusterReceiver(m, cluster.name());
                if (rcvr == null) {
                    continue;
                }
                LinkedHashMap<String, String> a = new LinkedHashMap<>();
                a.put("CLUSQMGR", name);
                a.put("CHANNEL", rcvr.name());
                a.put("CLUSTER", cluster.name());
                a.put("ALTDATE", rcvr.attribute("ALTDATE"));
                a.put("ALTTIME", rcvr.attribute("ALTTIME"));
                a.put("BATCHSZ", rcvr.attribute("BATCHSZ"));
                a.put("CLUSDATE", rt.data.qmgrAttributes.get("CRDATE"));
                a.put("CLUSTIME", rt.data.qmgrAttributes.get("CRTIME"));
                a.put("CONNAME", rcvr.attribute("CONNAME"));
                MqObject explicit = rt.data.channels.get(rcvr.name());
                a.put("DEFTYPE", m == rt ? "CLUSRCVR"
                        : explicit != null && "CLUSSDR".equals(explicit.channelType()) ? "CLUSSDRB" : "CLUSSDRA");
                a.put("DESCR", rcvr.attribute("DESCR"));
                a.put("QMID", m.data.qmgrAttributes.get("QMID"));
                a.put("QMTYPE", cluster.name().equals(m.data.qmgrAttributes.get("REPOS")) ? "REPOS" : "NORMAL");
                // The status of the cluster-sender to m, as DISPLAY CHSTATUS shows it (a SWITCHING one too).
                String status = world.clusterChannelStatus(rt, m, rcvr);
                a.put("STATUS", m == rt ? status : world.shownStatus(rt, rcvr.name(), status));
                a.put("SUSPEND", m.data.suspendedClusters.contains(cluster.name()) ? "YES" : "NO");
                a.put("TRPTYPE", "TCP");
                a.put("VERSION", m.data.qmgrAttributes.get("VERSION"));
                rows.add(new Row(a, 3, 3));
            }
        }
        return rows;
    }

    private List<Row> clusterQueueRows(QueueManagerRuntime rt, String pattern) {
        List<Row> rows = new ArrayList<>();
        for (Cluster cluster : world.clustersOf(rt)) {
            boolean full = cluster.isFullRepository(rt.name);
            for (String name : cluster.members()) {
                Optional<QueueManagerRuntime> member = name.equals(rt.name) ? Optional.of(rt) : world.member(name);
                if (member.isEmpty()) {
                    continue;
                }
                for (MqObject q : member.get().data.queues.values()) {
                    boolean known = full || name.equals(rt.name) || rt.data.usedClusterQueues.contains(q.name());
                    if (!cluster.name().equals(q.attribute("CLUSTER")) || !known || !MqscText.matches(pattern, q.name())) {
                        continue;
                    }
                    LinkedHashMap<String, String> a = new LinkedHashMap<>();
                    a.put("QUEUE", q.name());
                    a.put("TYPE", "QCLUSTER");
                    a.put("CLUSQMGR", name);
                    a.put("CLUSTER", cluster.name());
                    a.put("ALTDATE", q.attribute("ALTDATE"));
                    a.put("ALTTIME", q.attribute("ALTTIME"));
                    a.put("CLUSDATE", q.attribute("ALTDATE"));
                    a.put("CLUSQT", "QLOCAL");
                    a.put("CLUSTIME", q.attribute("ALTTIME"));
                    a.put("DEFBIND", q.attribute("DEFBIND"));
                    a.put("DEFPRTY", q.attribute("DEFPRTY"));
                    a.put("DEFPSIST", q.attribute("DEFPSIST"));
                    a.put("DESCR", q.attribute("DESCR"));
                    a.put("PUT", q.attribute("PUT"));
                    a.put("QMID", member.get().data.qmgrAttributes.get("QMID"));
                    rows.add(new Row(a, 4, 4));
                }
            }
        }
        rows.sort(Comparator.comparing((Row row) -> row.attributes().get("QUEUE"))
                .thenComparing(row -> row.attributes().get("CLUSQMGR")));
        return rows;
    }

    private List<Row> channelStatusRows(QueueManagerRuntime rt, String pattern) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (MqObject c : rt.data.channels.values()) {
            if (!MqscText.matches(pattern, c.name())) {
                continue;
            }
            String type = c.channelType();
            if ("SDR".equals(type) || "CLUSSDR".equals(type)) {
                String status = world.senderStatus(rt, c);
                if (status == null) {
                    continue;
                }
                String peer = "RUNNING".equals(status) ? world.senderTarget(rt, c).map(t -> t.name).orElse("") : "";
                String xmitq = "SDR".equals(type) ? c.attribute("XMITQ") : LabWorld.CLUSTER_XMITQ;
                rows.add(statusRow(rt, c.name(), type, c.attribute("CONNAME"), peer,
                        world.shownStatus(rt, c.name(), status), xmitq));
                seen.add(c.name());
            } else if ("RCVR".equals(type) || "CLUSRCVR".equals(type)) {
                String peer = world.receiverPeer(rt, c);
                if (peer != null) {
                    rows.add(statusRow(rt, c.name(), type, "127.0.0.1", peer,
                            world.shownStatus(rt, c.name(), "RUNNING"), ""));
                } else if (rt.running() && "STOP".equals(rt.data.channelRequests.get(c.name()))) {
                    rows.add(statusRow(rt, c.name(), type, "", "", "STOPPED", ""));
                }
            }
        }
        // Auto-defined cluster-sender channels to the cluster queue managers this one knows.
        for (Cluster cluster : world.clustersOf(rt)) {
            for (String name : world.knownMembers(rt, cluster)) {
                if (name.equals(rt.name)) {
                    continue;
                }
                Optional<QueueManagerRuntime> member = world.member(name);
                MqObject rcvr = member.map(m -> LabWorld.clusterReceiver(m, cluster.name())).orElse(null);
                if (rcvr == null || seen.contains(rcvr.name()) || rt.data.channels.containsKey(rcvr.name())
                        || !MqscText.matches(pattern, rcvr.name())) {
                    continue;
                }
                String status = world.clusterChannelStatus(rt, member.get(), rcvr);
                rows.add(statusRow(rt, rcvr.name(), "CLUSSDR", rcvr.attribute("CONNAME"),
                        "RUNNING".equals(status) ? name : "", world.shownStatus(rt, rcvr.name(), status),
                        LabWorld.CLUSTER_XMITQ));
                seen.add(rcvr.name());
            }
        }
        return rows;
    }

    /**
     * The attributes of a current channel status, in the order {@code DIS CHS(*) ALL} prints them for a sender and
     * a receiver on MQ 8 (mq-output/runmqsc/chstatus-all-sender-receiver-mq8.txt); XQMSGSA, which MQ 9 added for
     * senders, is placed after XMITQ (no public transcript shows its place).
     */
    private static final List<String> SENDER_STATUS_ORDER = List.of("CHANNEL", "CHLTYPE", "BATCHES", "BATCHSZ",
            "BUFSRCVD", "BUFSSENT", "BYTSRCVD", "BYTSSENT", "CHSTADA", "CHSTATI", "COMPHDR", "COMPMSG", "COMPRATE",
            "COMPTIME", "CONNAME", "CURLUWID", "CURMSGS", "CURRENT", "CURSEQNO", "EXITTIME", "HBINT", "INDOUBT",
            "JOBNAME", "LOCLADDR", "LONGRTS", "LSTLUWID", "LSTMSGDA", "LSTMSGTI", "LSTSEQNO", "MCASTAT", "MONCHL",
            "MSGS", "NETTIME", "NPMSPEED", "RQMNAME", "SHORTRTS", "SECPROT", "SSLCERTI", "SSLKEYDA", "SSLKEYTI",
            "SSLPEER", "SSLRKEYS", "STATUS", "STOPREQ", "SUBSTATE", "XBATCHSZ", "XMITQ", "XQMSGSA", "XQTIME",
            "RVERSION", "RPRODUCT");
    private static final List<String> RECEIVER_STATUS_ORDER = List.of("CHANNEL", "CHLTYPE", "BATCHES", "BATCHSZ",
            "BUFSRCVD", "BUFSSENT", "BYTSRCVD", "BYTSSENT", "CHSTADA", "CHSTATI", "COMPHDR", "COMPMSG", "COMPRATE",
            "COMPTIME", "CONNAME", "CURLUWID", "CURMSGS", "CURRENT", "CURSEQNO", "EXITTIME", "HBINT", "INDOUBT",
            "JOBNAME", "LOCLADDR", "LSTLUWID", "LSTMSGDA", "LSTMSGTI", "LSTSEQNO", "MCASTAT", "MCAUSER", "MONCHL",
            "MSGS", "NPMSPEED", "RQMNAME", "SECPROT", "SSLCERTI", "SSLKEYDA", "SSLKEYTI", "SSLPEER", "SSLRKEYS",
            "STATUS", "STOPREQ", "SUBSTATE", "XBATCHSZ", "RVERSION", "RPRODUCT");
    /**
     * DISPLAY CHSTATUS's choice of status: CURRENT (the default) or SAVED. SHORT is "Valid only on z/OS" (IBM's
     * DISPLAY CHSTATUS reference, https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=reference-display-chstatus-display-channel-status),
     * so on Linux it is a syntax error like any unknown keyword.
     */
    private static final Set<String> CHSTATUS_INSTANCE_TYPES = Set.of("CURRENT", "SAVED");
    /**
     * A saved status holds IBM's "common status" fields (CHLTYPE, CURLUWID, CURMSGS, CURSEQNO, INDOUBT, LSTLUWID,
     * LSTSEQNO, STATUS) and what is always returned (CHANNEL, CONNAME, SAVED, RQMNAME, XMITQ), in the alphabetical
     * order MQ prints current status in; no public transcript of SAVED shows its order.
     */
    private static final List<String> SAVED_STATUS_ORDER = List.of("CHANNEL", "CHLTYPE", "CONNAME", "CURLUWID",
            "CURMSGS", "CURSEQNO", "INDOUBT", "LSTLUWID", "LSTSEQNO", "RQMNAME", "SAVED", "STATUS", "XMITQ");
    private static final Set<String> SAVED_STATUS_ALWAYS = Set.of("CHANNEL", "CHLTYPE", "CONNAME", "RQMNAME",
            "SAVED", "STATUS", "XMITQ");

    private static List<Row> savedChannelStatusRows(QueueManagerRuntime rt, String pattern) {
        List<Row> rows = new ArrayList<>();
        rt.data.savedStatus.forEach((channel, saved) -> {
            if (!MqscText.matches(pattern, channel)) {
                return;
            }
            LinkedHashMap<String, String> a = new LinkedHashMap<>();
            for (String key : SAVED_STATUS_ORDER) {
                a.put(key, switch (key) {
                    case "CHANNEL" -> channel;
                    case "CHLTYPE" -> saved.channelType();
                    case "CONNAME" -> saved.conname();
                    case "CURLUWID", "LSTLUWID" -> "0000000000000000";
                    case "CURMSGS" -> "0";
                    case "CURSEQNO", "LSTSEQNO" -> Long.toString(saved.sequenceNumber());
                    case "INDOUBT" -> "NO";
                    case "RQMNAME" -> saved.remoteQueueManager();
                    case "SAVED" -> null;
                    case "STATUS" -> saved.status();
                    default -> saved.xmitq();
                });
            }
            if (saved.channelType().endsWith("RCVR")) {
                a.remove("XMITQ");
            }
            rows.add(new Row(a, SAVED_STATUS_ALWAYS, Set.of()));
        });
        return rows;
    }

    /** What DISPLAY CHSTATUS always returns, whatever attributes are asked for. */
    private static final Set<String> CHSTATUS_ALWAYS = Set.of("CHANNEL", "CHLTYPE", "CONNAME", "CURRENT",
            "RQMNAME", "STATUS", "SUBSTATE", "XMITQ");
    private static final Set<String> CHSTATUS_KEYWORDS = Set.copyOf(java.util.stream.Stream.concat(
            SENDER_STATUS_ORDER.stream(), RECEIVER_STATUS_ORDER.stream()).toList());

    /** One current channel status; a receiver has no XMITQ (MQ 8's ALL shows none). */
    private Row statusRow(QueueManagerRuntime rt, String channel, String type, String conname, String peer,
                          String status, String xmitq) {
        boolean sender = !type.endsWith("RCVR");
        boolean running = "RUNNING".equals(status);
        // A binding sender's MCA runs and connects; its partner is not known yet (real MQ 8 STATUS(BINDING) row,
        // mq-output/runmqsc/chstatus-all-sender-receiver-mq8.txt).
        boolean binding = "BINDING".equals(status);
        // A stopping MCA still runs: it ends its batch, with the stop request outstanding (STOPREQ, IBM's CHSTATUS
        // reference); a starting channel has no MCA yet.
        boolean stopping = "STOPPING".equals(status);
        // A paused or switching channel is connected and its MCA runs (IBM's "Channel states": both are active
        // states after binding); it is not transferring, so it shows no running substate.
        boolean held = "PAUSED".equals(status) || "SWITCHING".equals(status);
        boolean mcaRuns = running || binding || stopping || held;
        long messages = rt.data.channelMessages.getOrDefault(channel, 0L);
        String started = world.stampOf(rt.startedAt);
        Map<String, String> v = new java.util.HashMap<>();
        v.put("CHANNEL", channel);
        v.put("CHLTYPE", type);
        for (String counter : List.of("CURMSGS", "BUFSRCVD", "BUFSSENT", "BYTSRCVD", "BYTSSENT", "SSLRKEYS")) {
            v.put(counter, "0");
        }
        v.put("BATCHES", Long.toString(messages));
        v.put("BATCHSZ", "50");
        v.put("CHSTADA", started.substring(0, 10));
        v.put("CHSTATI", started.substring(11));
        v.put("COMPHDR", "NONE,NONE");
        v.put("COMPMSG", "NONE,NONE");
        for (String pair : List.of("COMPRATE", "COMPTIME", "EXITTIME", "NETTIME", "XBATCHSZ", "XQTIME")) {
            v.put(pair, "0,0");
        }
        v.put("CONNAME", conname);
        v.put("CURLUWID", "0000000000000000");
        v.put("LSTLUWID", "0000000000000000");
        v.put("CURRENT", null);
        v.put("CURSEQNO", Long.toString(messages));
        v.put("LSTSEQNO", Long.toString(messages));
        v.put("HBINT", "300");
        v.put("INDOUBT", "NO");
        v.put("JOBNAME", mcaRuns ? String.format("%08X%08X", 4096 + Math.abs(channel.hashCode() % 4096), 1) : "");
        v.put("LOCLADDR", "");
        v.put("LONGRTS", "999999999");
        v.put("SHORTRTS", "10");
        v.put("LSTMSGDA", "");
        v.put("LSTMSGTI", "");
        v.put("MCASTAT", mcaRuns ? "RUNNING" : "NOTRUNNING");
        v.put("MCAUSER", "mqm");
        v.put("MONCHL", "OFF");
        v.put("MSGS", Long.toString(messages));
        v.put("NPMSPEED", "FAST");
        v.put("RQMNAME", peer);
        v.put("SECPROT", "NONE");
        for (String ssl : List.of("SSLCERTI", "SSLKEYDA", "SSLKEYTI", "SSLPEER")) {
            v.put(ssl, "");
        }
        v.put("STATUS", status);
        v.put("STOPREQ", stopping ? "YES" : "NO");
        v.put("SUBSTATE", running ? (sender ? "MQGET" : "RECEIVE") : binding ? "NETCONNECT" : "");
        v.put("XMITQ", xmitq);
        v.put("XQMSGSA", Integer.toString(world.messagesWaitingFor(rt, channel, type, xmitq)));
        v.put("RVERSION", running || held ? "09040000" : "");
        v.put("RPRODUCT", running || held ? "MQMM" : "");
        LinkedHashMap<String, String> a = new LinkedHashMap<>();
        for (String key : sender ? SENDER_STATUS_ORDER : RECEIVER_STATUS_ORDER) {
            a.put(key, v.get(key));
        }
        return new Row(a, CHSTATUS_ALWAYS, Set.of());
    }
}
