package io.mqrunbooks.lab.mq;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The sample programs /opt/mqm/samp/bin/amqsput and amqsget. Their lines ("Sample AMQSPUT0 start",
 * "target queue is X", "message &lt;text&gt;", "no more messages", "MQOPEN ended with reason code N") are
 * those of amqsput0.c/amqsget0.c as seen in an MQ 9.1 install transcript (kept in
 * src/test/resources/mq-transcripts/amqsput-amqsget.txt). Like the C samples, a failed connect exits with the
 * reason code (truncated to 8 bits by the shell); amqsget returns at once instead of waiting 15 seconds.
 */
final class SampleCommands {

    private final LabWorld world;

    SampleCommands(LabWorld world) {
        this.world = world;
    }

    LabExecution amqsput(String host, List<String> args, String stdin) {
        Output out = new Output().out("Sample AMQSPUT0 start");
        LabExecution refused = refusedConnection(host, args, out);
        if (refused != null) {
            return refused;
        }
        String queue = args.get(0);
        QueueManagerRuntime rt = world.runtime(host, args.get(1)).orElseThrow();
        out.out("target queue is " + queue);
        if (!canOpenForOutput(rt, queue)) {
            out.out("MQOPEN ended with reason code 2085").out("unable to open queue for output");
            return out.out("Sample AMQSPUT0 end").exit(0);
        }
        for (String line : stdin.split("\n", -1)) {
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (text.isEmpty()) {
                break;
            }
            LabWorld.PutOutcome outcome = world.put(rt, queue, text);
            if (outcome.reason() != 0) {
                out.out("MQPUT ended with reason code " + outcome.reason());
                break;
            }
        }
        return out.out("Sample AMQSPUT0 end").exit(0);
    }

    LabExecution amqsget(String host, List<String> args) {
        Output out = new Output().out("Sample AMQSGET0 start");
        LabExecution refused = refusedConnection(host, args, out);
        if (refused != null) {
            return refused;
        }
        String queue = args.get(0);
        QueueManagerRuntime rt = world.runtime(host, args.get(1)).orElseThrow();
        MqObject q = rt.data.queues.get(queue);
        if (q != null && q.type() == ObjectType.QALIAS) {
            q = rt.data.queues.get(q.attribute("TARGET"));
        }
        if (q == null || q.type() != ObjectType.QLOCAL) {
            int reason = q == null ? 2085 : 2045;
            return out.out("MQOPEN ended with reason code " + reason).out("unable to open queue for input")
                    .out("Sample AMQSGET0 end").exit(0);
        }
        if ("DISABLED".equals(q.attribute("GET"))) {
            return out.out("MQGET ended with reason code 2016").out("Sample AMQSGET0 end").exit(0);
        }
        Deque<Message> messages = rt.data.messagesOf(q.name());
        while (!messages.isEmpty()) {
            Message m = messages.pollFirst();
            if (m.persistent()) {
                world.noteWrite(rt, world.options.persistentMessageKb());
            }
            out.out("message <" + m.text() + ">");
        }
        return out.out("no more messages").out("Sample AMQSGET0 end").exit(0);
    }

    /** What a sample answers without a queue name or with a failed MQCONNX (its reason is the exit code); else null. */
    private LabExecution refusedConnection(String host, List<String> args, Output out) {
        if (args.isEmpty()) {
            return out.out("Required parameter missing - queue name").exit(99);
        }
        int reason = connectReason(host, args);
        return reason == 0 ? null : out.out("MQCONNX ended with reason code " + reason).exit(reason & 0xFF);
    }

    /** 2058 (MQRC_Q_MGR_NAME_ERROR) when no such queue manager here, 2059 (NOT_AVAILABLE) when not running. */
    private int connectReason(String host, List<String> args) {
        if (args.size() < 2) {
            return 2058;
        }
        Optional<QueueManagerRuntime> rt = world.runtime(host, args.get(1));
        if (rt.isEmpty()) {
            return 2058;
        }
        return host.equals(rt.get().activeHost) ? 0 : 2059;
    }

    private boolean canOpenForOutput(QueueManagerRuntime rt, String queue) {
        if (rt.data.queues.containsKey(queue)) {
            return true;
        }
        return world.clustersOf(rt).stream().anyMatch(c -> !world.hostsOfClusterQueue(c, queue).isEmpty());
    }
}
