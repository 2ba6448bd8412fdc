package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.List;

/** What rdqmdr printed: a role change ({@code -p}/{@code -s}), the secondary command ({@code -d}), or a refusal. */
public record RdqmdrResult(Outcome outcome, String queueManager, SecondaryCrtmqmCommand secondaryCommand,
                           List<MqMessage> messages) {

    public enum Outcome { MADE_PRIMARY, MADE_SECONDARY, SECONDARY_COMMAND, REFUSED }

    public RdqmdrResult {
        messages = List.copyOf(messages);
    }
}
