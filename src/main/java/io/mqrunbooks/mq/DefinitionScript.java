package io.mqrunbooks.mq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MQSC a runbook sends to a queue manager (issue 16: what reaches runmqsc is built from typed values). It is
 * only ever DEFINE of object types (queues, channels, listeners, ...), with REPLACE or NOREPLACE, each rendered
 * from a checked {@link MqscObject}: names by IBM MQ's rules, values quoted with their apostrophes doubled, no
 * control character. Queue manager attributes, authority records and channel authentication records are never
 * sent: a person decides them for the DR site. Nothing else (DELETE, REFRESH SECURITY, START ...) can be
 * expressed.
 * <p>
 * A definition that runs code or grants an identity on the queue manager ({@link #privilege}: a client channel
 * giving administrator rights, an inbound channel putting messages as mqm, a channel exit, a SERVICE's command, a
 * PROCESS's application) is sent only when it comes, as it is, from the source queue manager's export
 * ({@link #replacing}); such definitions are listed in {@link #flagged()} for the gate and the report; one a
 * runbook defines itself ({@link #defining}) is refused. Every script is parsed again from the MQSC it renders and
 * must give back exactly its objects, so what is sent is what was checked and approved. {@link #parse},
 * the MQ admin adapters' check of whatever text they are given, cannot know where a script came from: it checks
 * form (verbs, names, values, control characters), not privilege; runbooks build their scripts with
 * {@link #replacing} or {@link #defining}.
 */
public final class DefinitionScript {

    /** Users that own the queue manager on Linux and UNIX: a channel running as them can administer it. */
    private static final Set<String> ADMINISTRATORS = Set.of("mqm", "root");
    /** AUTHINFO CHCKCLNT values that make a client prove an administrator user id. */
    private static final Set<String> ADMIN_CHECKED = Set.of("REQUIRED", "REQDADM");
    /** Channel attributes naming code the channel loads into the queue manager's processes (run as mqm). */
    private static final List<String> EXITS = List.of("SCYEXIT", "MSGEXIT", "SENDEXIT", "RCVEXIT", "MREXIT");
    /** Channel types whose MCA puts what a partner sends, with its MCAUSER's authority (mqm when blank). */
    private static final Set<String> INBOUND = Set.of("RCVR", "RQSTR", "CLUSRCVR");
    /** PUTAUT values that put messages with the user id the partner writes into them. */
    private static final Set<String> SENDER_ASSERTED = Set.of("CTX", "ALTMCA");
    /** AUTHINFO CHCKCLNT values that let a client connect without proving any user id. */
    private static final Set<String> CLIENT_UNCHECKED = Set.of("NONE", "OPTIONAL");

    /** One DEFINE: the object and whether it replaces one the queue manager holds. */
    record Define(MqscObject object, boolean replace) {
    }

    private final List<Define> defines;
    private final List<String> flagged;

    private DefinitionScript(List<Define> defines, List<String> flagged) {
        if (defines.isEmpty()) {
            throw new IllegalArgumentException("an MQSC script to apply needs at least one DEFINE");
        }
        this.defines = List.copyOf(defines);
        this.flagged = List.copyOf(flagged);
        requireRoundTrip();
    }

    /** What runmqsc would read from {@link #mqsc()} must be exactly the objects checked (and approved). */
    private void requireRoundTrip() {
        List<Define> read = MqscParser.defines(mqsc());
        for (int i = 0; i < Math.max(read.size(), defines.size()); i++) {
            Define sent = i < read.size() ? read.get(i) : null;
            Define meant = i < defines.size() ? defines.get(i) : null;
            if (sent == null || meant == null || !sent.object().key().equals(meant.object().key())
                    || !sent.object().attributes().equals(meant.object().attributes()) || sent.replace() != meant.replace()) {
                throw new IllegalStateException("the MQSC rendered for " + (meant == null ? "nothing" : meant.object()
                        .key().display()) + " reads back as " + (sent == null ? "nothing" : sent.object().key().display()
                        + " " + sent.object().attributes()) + ": refused, nothing is sent that differs from what was checked");
            }
        }
    }

    /**
     * {@code DEFINE ... REPLACE} of objects taken from {@code source} (a stored export, its hash verified): each
     * must be a definable object that the source holds exactly so. {@code sourceName} names the source in
     * messages ("baseline #12 of QM1").
     */
    public static DefinitionScript replacing(Collection<MqscObject> objects, MqscDefinitions source, String sourceName) {
        List<Define> defines = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        for (MqscObject object : objects) {
            requireDefinable(object);
            if (!source.find(object.key()).map(s -> s.attributes().equals(object.attributes())).orElse(false)) {
                throw new IllegalStateException(object.key().display() + " is not in " + sourceName
                        + " as it would be applied: refused (only definitions of the source export are applied)");
            }
            privilege(object, source).ifPresent(p -> flagged.add(p + ", as in " + sourceName));
            defines.add(new Define(object, true));
        }
        return new DefinitionScript(defines, flagged);
    }

    /** One object a runbook defines itself (a test queue); a privileged client channel is refused. */
    public static DefinitionScript defining(MqscObject object, boolean replace) {
        requireDefinable(object);
        privilege(object, MqscDefinitions.NONE).ifPresent(p -> {
            throw new IllegalArgumentException(p + ": refused, it is not from the source queue manager's export");
        });
        return new DefinitionScript(List.of(new Define(object, replace)), List.of());
    }

    /**
     * A script given as text: parsed ({@link MqscParser#defines}), every line checked, and rendered again from the
     * typed objects, so that what is sent is exactly what was understood. A refusal is an
     * {@link MqscParseException} naming the line.
     */
    public static DefinitionScript parse(String script) {
        List<Define> defines = MqscParser.defines(script);
        if (defines.isEmpty()) {
            throw new MqscParseException("the MQSC script holds no DEFINE command");
        }
        return new DefinitionScript(defines, List.of());
    }

    /**
     * What the MQ admin adapters send for {@code script}: {@link #parse} rendered again; a refusal is an
     * {@link UnsafeArgumentException} naming the queue manager and the line, raised before any connection.
     */
    public static String checkedMqsc(String queueManager, String script) {
        return checked(queueManager, script).mqsc();
    }

    /**
     * {@link #checkedMqsc} as whole commands, each on one line as runmqsc joins a continued command: what the PCF
     * adapter sends, one command in each Escape PCF command.
     */
    public static List<String> checkedCommands(String queueManager, String script) {
        return checked(queueManager, script).defines.stream()
                .map(d -> d.object().define(d.replace()).replace(" +\n   ", " ")).toList();
    }

    private static DefinitionScript checked(String queueManager, String script) {
        try {
            return parse(script == null ? "" : script);
        } catch (MqscParseException e) {
            throw new UnsafeArgumentException("MQSC for " + queueManager + " refused, nothing was sent: " + e.getMessage());
        }
    }

    /** The MQSC to send: one DEFINE per object, one attribute a line. */
    public String mqsc() {
        return defines.stream().map(d -> d.object().define(d.replace()) + "\n").collect(Collectors.joining());
    }

    public List<MqscObject> objects() {
        return defines.stream().map(Define::object).toList();
    }

    /** Privileged definitions applied because the source has them, one line each, for the gate and the report. */
    public List<String> flagged() {
        return flagged;
    }

    /**
     * {@link #privilege} of each of {@code objects}, as the gate shows them before a person approves replaying them
     * from {@code source} (named {@code sourceName}).
     */
    public static List<String> privileged(Collection<MqscObject> objects, MqscDefinitions source, String sourceName) {
        return objects.stream().flatMap(o -> privilege(o, source).stream()).map(p -> p + ", as in " + sourceName).toList();
    }

    /**
     * Why {@code object} runs code or grants an identity on the queue manager that holds it, if it does (one line,
     * every reason): a SVRCONN channel whose MCAUSER is {@code mqm} or {@code root}, or blank (the client's own user
     * id is used) while no AUTHINFO of {@code context} makes clients authenticate administrator ids (CHCKCLNT
     * REQUIRED or REQDADM); a RCVR, RQSTR or CLUSRCVR channel putting messages as mqm (MCAUSER blank, mqm or root)
     * or as the partner says (PUTAUT CTX or ALTMCA); any channel exit; a SERVICE's STARTCMD or STOPCMD; a PROCESS's
     * APPLICID (started by a trigger monitor); an AUTHINFO that lets clients in unchecked (CHCKCLNT NONE or OPTIONAL)
     * or asks an LDAP server who they are.
     */
    static Optional<String> privilege(MqscObject object, MqscDefinitions context) {
        List<String> reasons = new ArrayList<>();
        String type = object.key().type();
        String chltype = object.attributes().getOrDefault("CHLTYPE", "");
        if (type.equals(MqscTypes.CHANNEL) && chltype.equals("SVRCONN")) {
            clientPrivilege(object, context).ifPresent(reasons::add);
        }
        if (type.equals(MqscTypes.CHANNEL) && INBOUND.contains(chltype)) {
            String user = unquoted(object.attributes().getOrDefault("MCAUSER", "' '"));
            if (user.isBlank() || ADMINISTRATORS.contains(user.toLowerCase(Locale.ROOT))) {
                reasons.add(chltype + " " + object.key().display() + " puts what its partner sends as MCAUSER('" + user
                        + "')" + (user.isBlank() ? " (blank: the channel's own user id, mqm)" : ""));
            }
            String putaut = object.attributes().getOrDefault("PUTAUT", "");
            if (SENDER_ASSERTED.contains(putaut)) {
                reasons.add(chltype + " " + object.key().display() + " puts messages as the user id its partner writes "
                        + "in them (PUTAUT(" + putaut + "))");
            }
        }
        if (type.equals(MqscTypes.CHANNEL)) {
            List<String> exits = EXITS.stream().filter(e -> isSet(object, e))
                    .map(e -> e + "(" + object.attributes().get(e) + ")").toList();
            if (!exits.isEmpty()) {
                reasons.add(chltype + " " + object.key().display() + " loads exit code into the queue manager (runs as "
                        + "mqm): " + String.join(" ", exits));
            }
        }
        if (type.equals("SERVICE")) {
            List<String> commands = List.of("STARTCMD", "STOPCMD").stream().filter(c -> isSet(object, c))
                    .map(c -> c + "(" + object.attributes().get(c) + ")").toList();
            if (!commands.isEmpty()) {
                reasons.add(object.key().display() + " runs an operating system command as mqm: "
                        + String.join(" ", commands));
            }
        }
        if (type.equals("AUTHINFO")) {
            authenticationPrivilege(object).ifPresent(reasons::add);
        }
        if (type.equals("PROCESS") && isSet(object, "APPLICID")) {
            reasons.add(object.key().display() + " names an application a trigger monitor starts: APPLICID("
                    + object.attributes().get("APPLICID") + ")");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * An AUTHINFO decides who clients are: one that lets them in without a user id, or one that asks an LDAP
     * server (its CONNAME says which), grants identities on the backup as much as a channel's MCAUSER does.
     */
    private static Optional<String> authenticationPrivilege(MqscObject object) {
        List<String> reasons = new ArrayList<>();
        String checks = object.attributes().getOrDefault("CHCKCLNT", "");
        if (CLIENT_UNCHECKED.contains(checks)) {
            reasons.add("lets clients connect without proving a user id (CHCKCLNT(" + checks + "))");
        }
        if (object.attributes().getOrDefault("AUTHTYPE", "").equals("IDPWLDAP")) {
            reasons.add("takes clients' user ids and passwords to the LDAP server at CONNAME("
                    + object.attributes().getOrDefault("CONNAME", "' '") + ")");
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(object.key().display() + " " + String.join(" and ", reasons));
    }

    private static Optional<String> clientPrivilege(MqscObject object, MqscDefinitions context) {
        String user = unquoted(object.attributes().getOrDefault("MCAUSER", "' '"));
        if (ADMINISTRATORS.contains(user.toLowerCase(Locale.ROOT))) {
            return Optional.of("SVRCONN " + object.key().display() + " runs its clients as MCAUSER('" + user + "')");
        }
        // The AUTHINFO the queue manager's CONNAUTH names decides; without a QMGR in the export, any of them
        Optional<String> connauth = context.objects().stream().filter(o -> o.key().type().equals("QMGR"))
                .map(o -> o.attributes().get("CONNAUTH")).filter(Objects::nonNull).map(DefinitionScript::unquoted)
                .findFirst();
        boolean checked = context.objects().stream().filter(o -> o.key().type().equals("AUTHINFO"))
                .filter(o -> connauth.isEmpty() || o.key().name().equals(connauth.get()))
                .anyMatch(o -> ADMIN_CHECKED.contains(o.attributes().getOrDefault("CHCKCLNT", "")));
        if (user.isBlank() && !checked) {
            return Optional.of("SVRCONN " + object.key().display() + " has a blank MCAUSER (clients run as the user id "
                    + "they assert) and no AUTHINFO with CHCKCLNT(REQUIRED) or CHCKCLNT(REQDADM)");
        }
        return Optional.empty();
    }

    /** The attribute holds something other than blanks (in any item of a list). */
    private static boolean isSet(MqscObject object, String attribute) {
        String value = object.attributes().get(attribute);
        return value != null && !value.replace("'", "").replace(",", "").isBlank();
    }

    private static void requireDefinable(MqscObject object) {
        if (!MqscTypes.isDefinable(object.key().type())) {
            throw new IllegalArgumentException(object.key().display() + " is not sent to a queue manager by a runbook: "
                    + "only DEFINE of object types is");
        }
    }

    private static String unquoted(String literal) {
        return literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
    }
}
