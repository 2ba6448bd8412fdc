package io.mqrunbooks.adapter.outbound.mq.mqsc;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.NameRules;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks every value before it is written into MQSC, so that no value can end a keyword's parentheses,
 * a quoted string or the command and add one of its own. Names pass IBM MQ's naming rules (no quote,
 * parenthesis, blank or line break can pass them) and are written quoted, so MQ keeps their case.
 */
final class MqscNames {

    /** {@code host(port)}, optionally more of them separated by commas; host as NameRules allows. */
    private static final Pattern CONNAME_ENTRY = Pattern.compile("([A-Za-z0-9.-]{1,253})\\((\\d{1,5})\\)");

    private MqscNames() {
    }

    static String queue(String name) {
        return quoted("queue name", NameRules.checkMqName(name), name);
    }

    static String channel(String name) {
        return quoted("channel name", NameRules.checkChannelName(name), name);
    }

    /** The name of the object {@code command} acts on. */
    static String of(ObjectCommand command, String name) {
        return command.namesChannel() ? channel(name)
                : quoted(command.objectType() + " name", NameRules.checkMqName(name), name);
    }

    static String queueManager(String name) {
        return quoted("queue manager name", NameRules.checkMqName(name), name);
    }

    /** A CONNAME as {@code host(port)[,host(port)...]}, quoted for MQSC. */
    static String conname(String conname) {
        if (conname == null || conname.isEmpty()) {
            throw new UnsafeArgumentException("CONNAME is empty; expected host(port)[,host(port)]");
        }
        for (String entry : conname.split(",", -1)) {
            var m = CONNAME_ENTRY.matcher(entry);
            if (!m.matches() || NameRules.checkHostName(m.group(1)).isPresent()
                    || NameRules.checkPort(Integer.parseInt(m.group(2))).isPresent()) {
                throw new UnsafeArgumentException("CONNAME '" + conname + "' is not host(port)[,host(port)]"
                        + " with a valid host name or IPv4 address and a port 1-65535");
            }
        }
        return "'" + conname + "'";
    }

    private static String quoted(String what, Optional<String> problem, String value) {
        problem.ifPresent(p -> {
            throw new UnsafeArgumentException(what + " " + p);
        });
        return "'" + value + "'";
    }
}
