package io.mqrunbooks.application.generic;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.QmStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the generic control steps of element-templates/ do on a queue manager's hosts: dspmq, dspmqver, strmqm and
 * endmqm through {@link MqControlPort}, and one poll of a wait for a queue manager state. strmqm and endmqm read
 * dspmq first, so a retried or resumed step never starts or ends a queue manager twice. What stops a step is an
 * {@link IllegalStateException} naming why: the step becomes an incident, to be retried once the cause is gone.
 */
@Service
public class QueueManagerControlSteps {

    /** The control commands a generic step may run, as the model names them. */
    public enum ControlCommand {
        DSPMQ("dspmq", false),
        DSPMQVER("dspmqver", false),
        STRMQM("strmqm", true),
        ENDMQM_CONTROLLED("endmqm -c", true),
        ENDMQM_IMMEDIATE("endmqm -i", true);

        private final String text;
        private final boolean changesEstate;

        ControlCommand(String text, boolean changesEstate) {
            this.text = text;
            this.changesEstate = changesEstate;
        }

        public String text() {
            return text;
        }

        public boolean changesEstate() {
            return changesEstate;
        }

        /** The command the model names, exactly as the template offers it ({@code endmqm -c}). */
        public static ControlCommand of(String text) {
            String written = text == null ? "" : text.strip();
            return Arrays.stream(values()).filter(c -> c.text.equals(written)).findFirst()
                    .orElseThrow(() -> new UnsafeArgumentException("control command '" + text + "' is not one a generic"
                            + " step runs; it takes " + Arrays.stream(values()).map(c -> c.text)
                            .collect(Collectors.joining(", "))));
        }
    }

    /** The queue manager states a generic wait can wait for. */
    public enum QueueManagerWanted {
        /** dspmq shows STATUS(Running) on one of its hosts. */
        RUNNING,
        /** dspmq shows an ended status (normally, immediately, preemptively, unexpectedly) on every host. */
        ENDED;

        public static QueueManagerWanted of(String text) {
            try {
                return valueOf(text == null ? "" : text.strip());
            } catch (IllegalArgumentException e) {
                throw new UnsafeArgumentException("queue manager state '" + text + "' is not one a generic wait knows;"
                        + " it takes RUNNING or ENDED");
            }
        }
    }

    /** endmqm -c is not sent again while the queue manager is already on its way down. */
    private static final Set<QmStatus> ENDING = Set.of(QmStatus.QUIESCING, QmStatus.ENDING_IMMEDIATELY,
            QmStatus.ENDING_PREEMPTIVELY);

    private final Estate estate;
    private final MqControlPort control;

    public QueueManagerControlSteps(Estate estate, MqControlPort control) {
        this.estate = estate;
        this.control = control;
    }

    /** Runs the command; returns one line per host: what was sent and what MQ answered. */
    public List<String> run(String queueManager, ControlCommand command) {
        QueueManager qm = estate.queueManager(queueManager);
        return switch (command) {
            case DSPMQ -> qm.allHosts().stream().map(host -> line(qm, host, command,
                    statusText(control.status(host, queueManager)))).toList();
            case DSPMQVER -> qm.allHosts().stream().map(host -> line(qm, host, command,
                    "Version: " + control.version(host))).toList();
            case STRMQM -> List.of(start(single(qm, command)));
            case ENDMQM_CONTROLLED, ENDMQM_IMMEDIATE -> List.of(end(single(qm, command), command));
        };
    }

    private String start(QueueManager qm) {
        String host = qm.primaryHost();
        QmStatus now = knownStatus(qm, host);
        if (now == QmStatus.RUNNING || now == QmStatus.STARTING) {
            return line(qm, host, ControlCommand.STRMQM, "not sent, it is already " + now.mqWording());
        }
        if (!now.isEnded()) {
            throw new IllegalStateException(qm.name() + " on " + host + " is " + now.mqWording()
                    + "; strmqm is sent once it has ended (retry the step then). Nothing was sent");
        }
        ControlResult result = control.start(host, qm.name());
        return answered(qm, host, ControlCommand.STRMQM, now, result, ControlOutcome.NOW_RUNNING);
    }

    private String end(QueueManager qm, ControlCommand command) {
        String host = qm.primaryHost();
        QmStatus now = knownStatus(qm, host);
        boolean escalates = command == ControlCommand.ENDMQM_IMMEDIATE && now == QmStatus.QUIESCING;
        if (now.isEnded() || (ENDING.contains(now) && !escalates)) {
            return line(qm, host, command, "not sent, it is already " + now.mqWording());
        }
        if (now != QmStatus.RUNNING && !escalates) {
            throw new IllegalStateException(qm.name() + " on " + host + " is " + now.mqWording()
                    + "; " + command.text + " is sent to a running queue manager only (retry the step once it runs)."
                    + " Nothing was sent");
        }
        EndMode mode = command == ControlCommand.ENDMQM_IMMEDIATE ? EndMode.IMMEDIATE : EndMode.CONTROLLED;
        ControlResult result = control.end(host, qm.name(), mode, false);
        return answered(qm, host, command, now, result, ControlOutcome.NOW_DOWN);
    }

    /** One poll of a wait: has the queue manager reached the state the model waits for? */
    public WaitPoll check(String queueManager, QueueManagerWanted wanted) {
        QueueManager qm = estate.queueManager(queueManager);
        List<QueueManagerState> states = new ArrayList<>();
        for (String host : qm.allHosts()) {
            states.add(control.status(host, queueManager));
        }
        boolean reached = switch (wanted) {
            case RUNNING -> states.stream().anyMatch(s -> s.status() == QmStatus.RUNNING);
            case ENDED -> states.stream().allMatch(s -> s.status().isEnded());
        };
        String summary = queueManager + ": " + states.stream().map(s -> s.host() + " " + statusText(s))
                .collect(Collectors.joining(", "));
        return new WaitPoll(reached, summary);
    }

    /** strmqm and endmqm of a generic step act on a single queue manager; the HA kinds have runbooks of their own. */
    private static QueueManager single(QueueManager qm, ControlCommand command) {
        if (qm.kind() != QueueManagerKind.SINGLE) {
            throw new IllegalStateException("Queue manager '" + qm.name() + "' is " + qm.kind().yamlName()
                    + " in the inventory: a generic " + command.text + " step acts on a single queue manager only (its"
                    + " instances move with their own runbooks: multi-instance switchover, RDQM, Native HA). Nothing"
                    + " was sent");
        }
        return qm;
    }

    private QmStatus knownStatus(QueueManager qm, String host) {
        QmStatus now = control.status(host, qm.name()).status();
        if (now == QmStatus.NOT_KNOWN) {
            throw new IllegalStateException("dspmq on " + host + " does not know " + qm.name()
                    + " (AMQ7048E), though the inventory places it there. Nothing was sent");
        }
        return now;
    }

    private static String answered(QueueManager qm, String host, ControlCommand command, QmStatus before,
                                   ControlResult result, Set<ControlOutcome> expected) {
        result.expect(host, command.text + " " + qm.name(), expected);
        String said = result.messages().isEmpty() ? "exit code " + result.exitCode() : result.saidText();
        return line(qm, host, command, said + " (it was " + before.mqWording() + ")");
    }

    private static String line(QueueManager qm, String host, ControlCommand command, String answer) {
        return qm.name() + " on " + host + ": " + command.text + ": " + answer;
    }

    /** As dspmq prints it: {@code STATUS(Running)}, or that the host does not know the queue manager. */
    static String statusText(QueueManagerState state) {
        return state.status() == QmStatus.NOT_KNOWN ? "not known (AMQ7048E)"
                : "STATUS(" + state.status().mqWording() + ")";
    }
}
