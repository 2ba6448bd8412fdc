package io.mqrunbooks.lab.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.lab.LabFaults;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.lab.mq.DrRole;
import io.mqrunbooks.lab.mq.QmStatus;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What each control endpoint does: checks its query parameters (400 naming a bad or missing one, 404 naming
 * an unknown host, queue manager or queue) and calls {@link LabFaults} or {@link SimulatedMqEstate}.
 */
final class LabControlRoutes {

    /** One endpoint: the HTTP method it takes and what it does. */
    record Route(String method, Function<Parameters, Answer> action) {
    }

    /** Status and one-line body (or JSON) of a response. */
    record Answer(int status, String contentType, String body) {
        static Answer text(int status, String line) {
            return new Answer(status, "text/plain; charset=utf-8", line.replace('\n', ' ') + "\n");
        }

        static Answer ok(Object line) {
            return text(200, String.valueOf(line));
        }
    }

    /** A request refused with this status and message. */
    static final class ControlException extends RuntimeException {
        private final int status;

        ControlException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** The decoded query parameters of a request. */
    static final class Parameters {
        private final Map<String, String> values;

        private Parameters(Map<String, String> values) {
            this.values = values;
        }

        static Parameters parse(String rawQuery) {
            Map<String, String> values = new HashMap<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    if (values.put(name, value) != null) {
                        throw new ControlException(400, "parameter '" + name + "' is given more than once");
                    }
                }
            }
            return new Parameters(values);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new ControlException(400, "missing parameter '" + name + "'");
            }
            return value;
        }

        int count(String name) {
            String value = required(name);
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new ControlException(400, "parameter '" + name + "' must be a whole number of 0 or more, not '"
                    + value + "'");
        }

        boolean flag(String name, boolean absent) {
            String value = values.get(name);
            if (value == null) {
                return absent;
            }
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ControlException(400, "parameter '" + name + "' must be true or false, not '"
                        + value + "'");
            };
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ControlException(400, "the query is not URL-encoded correctly: " + e.getMessage());
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> hosts;
    private final LabFaults faults;
    private final SimulatedMqEstate mq;
    private final LabJournal journal;

    /** @param mq the simulated MQ, or null when the lab answers commands some other way */
    LabControlRoutes(List<String> hosts, LabFaults faults, SimulatedMqEstate mq, LabJournal journal) {
        this.hosts = List.copyOf(hosts);
        this.faults = faults;
        this.mq = mq;
        this.journal = journal;
    }

    Map<String, Route> all() {
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("/reset", post(p -> {
            faults.clearAll();
            if (mq == null) {
                return Answer.ok("lab reset: faults cleared, journal kept (this lab has no simulated MQ to reset)");
            }
            mq.reset();
            return Answer.ok("lab reset: simulated MQ back to its initial state, faults cleared, journal kept");
        }));
        routes.put("/faults/host-down", post(p -> {
            String host = host(p);
            faults.hostDown(host);
            return Answer.ok("host " + host + " is down: its SSH listener refuses connections");
        }));
        routes.put("/faults/host-up", post(p -> {
            String host = host(p);
            faults.hostUp(host);
            return Answer.ok("host " + host + " is up");
        }));
        routes.put("/faults/clear", post(p -> {
            faults.clearAll();
            return Answer.ok("faults cleared, every host up");
        }));
        routes.put("/mq/fail-host", post(p -> {
            String host = host(p);
            SimulatedMqEstate simulated = mq();
            faults.hostDown(host);
            simulated.failHost(host);
            return Answer.ok("host " + host + " failed: its queue managers ended unexpectedly, SSH refuses connections");
        }));
        routes.put("/mq/recover-host", post(p -> {
            String host = host(p);
            mq().recoverHost(host);
            faults.hostUp(host);
            return Answer.ok("host " + host + " recovered: SSH is back, its queue managers stay ended until strmqm");
        }));
        routes.put("/mq/cut-link", post(p -> {
            String qm = queueManager(p);
            mq().cutReplicationLink(qm);
            return Answer.ok("replication link of " + qm + " cut");
        }));
        routes.put("/mq/restore-link", post(p -> {
            String qm = queueManager(p);
            mq().restoreReplicationLink(qm);
            return Answer.ok("replication link of " + qm + " restored");
        }));
        routes.put("/mq/restore-media", post(p -> {
            String host = host(p);
            String qm = queueManagerOn(host, p);
            mq().restoreMedia(host, qm);
            return Answer.ok("media and logs of " + qm + " on " + host + " restored");
        }));
        routes.put("/mq/install-version", post(p -> {
            String host = host(p);
            String version = p.required("version");
            mq().installVersion(host, version);
            return Answer.ok("IBM MQ " + version + " installed on " + host);
        }));
        routes.put("/mq/put-messages", post(p -> {
            String host = host(p);
            String qm = queueManagerOn(host, p);
            String queue = queue(host, qm, p);
            int count = p.count("count");
            boolean persistent = p.flag("persistent", false);
            return Answer.ok(mq().putMessages(host, qm, queue, count, persistent));
        }));
        routes.put("/mq/queue-depth", get(p -> {
            String host = host(p);
            String qm = queueManagerOn(host, p);
            return Answer.ok(mq().queueDepth(host, qm, queue(host, qm, p)));
        }));
        routes.put("/state", get(p -> new Answer(200, "application/json", state() + "\n")));
        routes.put("/journal/count", get(p -> Answer.ok(journal.lineCount())));
        return routes;
    }

    private static Route post(Function<Parameters, Answer> action) {
        return new Route("POST", action);
    }

    private static Route get(Function<Parameters, Answer> action) {
        return new Route("GET", action);
    }

    private String state() {
        SimulatedMqEstate simulated = mq();
        List<Map<String, Object>> queueManagers = new ArrayList<>();
        for (String host : hosts) {
            for (String qm : new TreeSet<>(simulated.queueManagersOn(host))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("host", host);
                entry.put("name", qm);
                entry.put("status", simulated.queueManagerState(host, qm).map(QmStatus::text).orElse(null));
                entry.put("drRole", simulated.drRole(host, qm).map(DrRole::text).orElse(null));
                queueManagers.add(entry);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("queueManagers", queueManagers);
        state.put("hostsDown", hosts.stream().filter(faults::isDown).toList());
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lab state cannot be written as JSON", e);
        }
    }

    private String host(Parameters p) {
        String host = p.required("host");
        if (!hosts.contains(host)) {
            throw new ControlException(404, "unknown lab host '" + host + "' (hosts: " + String.join(", ", hosts) + ")");
        }
        return host;
    }

    private String queueManager(Parameters p) {
        String qm = p.required("qm");
        TreeSet<String> known = new TreeSet<>();
        hosts.forEach(host -> known.addAll(mq().queueManagersOn(host)));
        if (!known.contains(qm)) {
            throw new ControlException(404, "unknown queue manager '" + qm + "' (queue managers: "
                    + String.join(", ", known) + ")");
        }
        return qm;
    }

    private String queueManagerOn(String host, Parameters p) {
        String qm = p.required("qm");
        List<String> there = mq().queueManagersOn(host);
        if (!there.contains(qm)) {
            throw new ControlException(404, "unknown queue manager '" + qm + "' on lab host '" + host
                    + "' (there: " + String.join(", ", new TreeSet<>(there)) + ")");
        }
        return qm;
    }

    private String queue(String host, String qm, Parameters p) {
        String queue = p.required("queue");
        if (!mq().objects(host, qm).containsKey("QUEUE/" + queue)) {
            throw new ControlException(404, "unknown queue '" + queue + "' on " + qm + " on lab host '" + host + "'");
        }
        return queue;
    }

    private SimulatedMqEstate mq() {
        if (mq == null) {
            throw new ControlException(501, "this lab does not run the simulated MQ estate, so only /faults/*, "
                    + "/reset and /journal/count work");
        }
        return mq;
    }
}
