package io.mqrunbooks.adapter.outbound.mq.mqsc;

import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of IBM's sample programs amqsput and amqsget (amqsput0.c / amqsget0.c as shipped in
 * {@code /opt/mqm/samp}; transcript: "Sample AMQSPUT0 start", "target queue is Q", "message &lt;text&gt;",
 * "no more messages", "Sample AMQSGET0 end", "MQOPEN ended with reason code 2085"). Every line must be one
 * of them; anything else is refused.
 */
final class SampleOutput {

    private static final Pattern START = Pattern.compile("Sample AMQS(PUT|GET)0 start");
    private static final Pattern END = Pattern.compile("Sample AMQS(PUT|GET)0 end");
    private static final Pattern TARGET = Pattern.compile("target queue is (\\S+)");
    private static final Pattern REASON = Pattern.compile("(MQCONNX?|MQOPEN|MQPUT|MQGET|MQCLOSE|MQDISC) ended with"
            + " reason code (\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("message <(.*)>");
    private static final Pattern NO_MORE = Pattern.compile("no more messages");
    private static final Pattern UNABLE = Pattern.compile("unable to open queue for (output|input)");

    /** What a sample printed: its messages (amqsget), its first failing MQI call and reason, and whether it ended. */
    record Parsed(List<String> messages, String failedCall, Integer reasonCode, boolean started, boolean ended,
                  String targetQueue) {
    }

    private SampleOutput() {
    }

    static Parsed parse(String output) {
        List<String> messages = new ArrayList<>();
        String failedCall = null;
        Integer reason = null;
        boolean started = false;
        boolean ended = false;
        String target = null;
        int number = 0;
        for (String raw : output.split("\r?\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if (START.matcher(line).matches()) {
                started = true;
            } else if (END.matcher(line).matches()) {
                ended = true;
            } else if ((m = TARGET.matcher(line)).matches()) {
                target = m.group(1);
            } else if ((m = REASON.matcher(line)).matches()) {
                if (failedCall == null) {
                    failedCall = m.group(1);
                    reason = Integer.parseInt(m.group(2));
                }
            } else if ((m = MESSAGE.matcher(line)).matches()) {
                messages.add(m.group(1));
            } else if (!NO_MORE.matcher(line).matches() && !UNABLE.matcher(line).matches()) {
                throw new IllegalArgumentException("line " + number + " '" + shorten(line)
                        + "' is not a line the amqsput/amqsget samples print");
            }
        }
        return new Parsed(messages, failedCall, reason, started, ended, target);
    }

    /** The port's reason for an MQI reason code the samples print. */
    static Reason reasonFor(int reasonCode) {
        return switch (reasonCode) {
            case 2085, 2082 -> Reason.OBJECT_NOT_FOUND; // MQRC_UNKNOWN_OBJECT_NAME, MQRC_UNKNOWN_ALIAS_BASE_Q
            case 2035 -> Reason.NOT_AUTHORIZED; // MQRC_NOT_AUTHORIZED
            case 2009 -> Reason.CONNECTION_BROKEN; // MQRC_CONNECTION_BROKEN
            case 2058, 2059, 2161, 2162 -> Reason.QUEUE_MANAGER_NOT_AVAILABLE; // name error, not available, quiescing, stopping
            default -> Reason.OTHER;
        };
    }

    static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
