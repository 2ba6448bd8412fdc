package io.mqrunbooks.application.multiinstance;

import io.mqrunbooks.application.RunbookTargets;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Multi-instance switchover (seed 003): the standby instance must already run, because {@code endmqm -s} only
 * releases the lock and permits switchover; it does not start a standby. Then {@code endmqm -s} with {@code -c},
 * {@code -i} or {@code -p} on the active instance, and the standby reports running as the active instance.
 */
@Service
public class MultiInstanceSwitchover {

    private final Estate estate;
    private final MqControlPort control;

    public MultiInstanceSwitchover(Estate estate, MqControlPort control) {
        this.estate = estate;
        this.control = control;
    }

    /** The start form's choice of endmqm option. */
    public static EndMode endMode(String choice) {
        return switch (choice == null ? "" : choice) {
            case "controlled" -> EndMode.CONTROLLED;
            case "immediate" -> EndMode.IMMEDIATE;
            case "preemptive" -> EndMode.PREEMPTIVE;
            default -> throw new RunbookRefusal("END_MODE_UNKNOWN", "End mode '" + choice + "' is not one of controlled"
                    + " (-c), immediate (-i) or preemptive (-p)");
        };
    }

    /** The instances as read, and the switchover they allow. */
    public record InstancesPlan(String activeHost, String standbyHost, String summary) {
    }

    public InstancesPlan assess(String queueManager, String endModeChoice) {
        QueueManager qm = queueManager(queueManager);
        EndMode mode = endMode(endModeChoice);
        String activeHost = null;
        String standbyHost = null;
        StringBuilder read = new StringBuilder();
        for (String host : qm.hosts()) {
            QueueManagerState state = control.status(host, queueManager);
            read.append("dspmq -x on ").append(host).append(": ").append(state.status().mqWording());
            for (QueueManagerState.Instance instance : state.instances()) {
                read.append(", INSTANCE(").append(instance.host()).append(") MODE(").append(instance.mode()).append(')');
            }
            read.append('\n');
            if (state.status() == QmStatus.RUNNING) {
                activeHost = host;
            } else if (state.status() == QmStatus.RUNNING_AS_STANDBY) {
                standbyHost = host;
            }
        }
        if (activeHost == null) {
            throw new RunbookRefusal("NO_ACTIVE_INSTANCE", "Switchover refused: no instance of " + queueManager
                    + " is running as the active instance:\n" + read.toString().strip());
        }
        if (standbyHost == null) {
            throw new RunbookRefusal("NO_STANDBY", "Switchover refused: no standby instance of " + queueManager
                    + " is running. endmqm -s does not start a standby instance (it only releases the lock), so the"
                    + " queue manager would simply end. Start the standby first with strmqm -x " + queueManager + " on "
                    + otherHost(qm, activeHost) + ".\n" + read.toString().strip());
        }
        String summary = "Queue manager " + queueManager + " (multi-instance)\n" + read
                + "Plan: on " + activeHost + " endmqm " + mode.flag() + " -s " + queueManager + "; the standby on "
                + standbyHost + " takes over as the active instance (polled with dspmq -x). Reconnectable clients"
                + " reconnect by themselves; other clients reconnect to " + standbyHost + ".";
        return new InstancesPlan(activeHost, standbyHost, summary);
    }

    /** {@code endmqm -c|-i|-p -s QM} on the active host, unless the instance there no longer runs as the active one. */
    public String switchOver(String queueManager, String activeHost, String endModeChoice) {
        queueManager(queueManager);
        EndMode mode = endMode(endModeChoice);
        QueueManagerState state = control.status(activeHost, queueManager);
        if (state.status() != QmStatus.RUNNING) {
            return activeHost + ": " + queueManager + " is " + state.status().mqWording() + " there: endmqm -s not needed";
        }
        ControlResult result = control.end(activeHost, queueManager, mode, true);
        String command = "endmqm " + mode.flag() + " -s " + queueManager;
        result.expect(activeHost, command, Set.of(ControlOutcome.SWITCHED_OVER, ControlOutcome.ENDING,
                ControlOutcome.ENDED));
        return activeHost + ": " + command + ": " + result.summary();
    }

    /** Has the former standby taken over? */
    public record TakeoverCheck(boolean active, String summary) {
    }

    public TakeoverCheck checkTakeover(String queueManager, String standbyHost) {
        QueueManagerState state = control.status(standbyHost, queueManager);
        boolean active = state.status() == QmStatus.RUNNING;
        List<String> instances = state.instances().stream()
                .map(i -> "INSTANCE(" + i.host() + ") MODE(" + i.mode() + ")").toList();
        return new TakeoverCheck(active, "dspmq -x on " + standbyHost + ": " + state.status().mqWording()
                + (instances.isEmpty() ? "" : ", " + String.join(", ", instances)));
    }

    private static String otherHost(QueueManager qm, String host) {
        return qm.hosts().stream().filter(h -> !h.equals(host)).findFirst().orElseThrow();
    }

    private QueueManager queueManager(String name) {
        return RunbookTargets.queueManagerOfKind(estate, name, QueueManagerKind.MULTI_INSTANCE, "NOT_MULTI_INSTANCE");
    }
}
