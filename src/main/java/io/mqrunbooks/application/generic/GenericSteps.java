package io.mqrunbooks.application.generic;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.ChannelStatus;
import io.mqrunbooks.mq.ChannelStatus.State;
import io.mqrunbooks.mq.QueueManagerStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the generic steps of element-templates/ do on a queue manager: allow-listed MQSC and channel state checks,
 * through {@link MqAdminPort}. Each command that changes a channel reads its status first, so a retried or
 * resumed step never sends it twice (a stopped channel is not stopped again).
 */
@Service
public class GenericSteps {

    /** Statuses in which a STOP CHANNEL is not sent again: stopped, on its way there, or no instance (PCF). */
    private static final Set<State> STOPPED = EnumSet.of(State.STOPPED, State.STOPPING, State.INACTIVE);
    /** Statuses a summary shows without explaining them. */
    private static final Set<State> PLAIN = EnumSet.of(State.RUNNING, State.STARTING, State.STOPPING, State.STOPPED);

    private final MqAdminPort admin;

    public GenericSteps(MqAdminPort admin) {
        this.admin = admin;
    }

    /** Runs the commands in order; returns one line per command: what was sent and what MQ answered. */
    public List<String> runMqsc(String queueManager, List<MqscCommand> commands) {
        List<String> lines = new ArrayList<>();
        for (MqscCommand command : commands) {
            lines.add(queueManager + ": " + command.mqsc() + ": " + run(queueManager, command));
        }
        return lines;
    }

    private String run(String queueManager, MqscCommand command) {
        return switch (command.kind()) {
            case DISPLAY_QMSTATUS -> {
                QueueManagerStatus status = admin.queueManagerStatus(queueManager);
                yield "QMNAME(" + status.queueManager() + ") STATUS(" + status.status() + ")";
            }
            case DISPLAY_CHSTATUS -> statusText(admin.channelStatus(queueManager, command.name()));
            case DISPLAY_CURDEPTH -> "CURDEPTH(" + admin.queueDepth(queueManager, command.name()) + ")";
            case START_CHANNEL -> {
                List<ChannelStatus> now = admin.channelStatus(queueManager, command.name());
                // PAUSED and SWITCHING are not running, but their MCA holds the channel: MQ would refuse the start.
                if (now.stream().anyMatch(s -> s.state().isStarted())) {
                    yield "not sent, the channel is already started: " + statusText(now);
                }
                admin.run(queueManager, ObjectCommand.START_CHANNEL, command.name());
                yield "start accepted (it was " + statusText(now) + ")";
            }
            case STOP_CHANNEL -> {
                List<ChannelStatus> now = admin.channelStatus(queueManager, command.name());
                if (now.isEmpty() || now.stream().allMatch(s -> STOPPED.contains(s.state()))) {
                    yield "not sent, the channel is not running: " + statusText(now);
                }
                admin.run(queueManager, ObjectCommand.STOP_CHANNEL, command.name());
                yield "stop accepted (it was " + statusText(now) + ")";
            }
        };
    }

    /** One poll of a channel's state: has it reached the state the model waits for? */
    public WaitPoll checkChannel(String queueManager, String channel, ChannelState wanted) {
        List<ChannelStatus> now = admin.channelStatus(queueManager, channel);
        boolean reached = switch (wanted) {
            case RUNNING -> !now.isEmpty() && now.stream().allMatch(ChannelStatus::isRunning);
            case STOPPED_OR_INACTIVE -> now.isEmpty() || now.stream().allMatch(s -> s.state().isStoppedOrInactive());
        };
        return new WaitPoll(reached, "channel " + channel + " on " + queueManager + ": " + statusText(now)
                + meanings(now));
    }

    /** The states a generic wait can wait for. */
    public enum ChannelState {
        /** Every instance of the channel reports STATUS(RUNNING). */
        RUNNING,
        /** The channel is STOPPED, or has no status at all (inactive): nothing of it runs. */
        STOPPED_OR_INACTIVE;

        public static ChannelState of(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UnsafeArgumentException("channel state '" + text + "' is not one a generic wait knows;"
                        + " it takes RUNNING or STOPPED_OR_INACTIVE");
            }
        }
    }


    /** What the statuses whose word does not say it all mean (PAUSED, SWITCHING, ...): why a wait still waits. */
    static String meanings(List<ChannelStatus> statuses) {
        String meanings = statuses.stream().map(ChannelStatus::state)
                .filter(s -> !PLAIN.contains(s)).distinct()
                .map(s -> s + ": " + s.meaning()).collect(Collectors.joining("; "));
        return meanings.isEmpty() ? "" : " (" + meanings + ")";
    }

    /** As DISPLAY CHSTATUS shows it: {@code STATUS(RUNNING)}, or no status (AMQ8420I). */
    static String statusText(List<ChannelStatus> statuses) {
        if (statuses.isEmpty()) {
            return "no status (AMQ8420I: Channel Status not found.)";
        }
        return statuses.stream().map(s -> "STATUS(" + s.status() + ")").collect(Collectors.joining(", "));
    }
}
