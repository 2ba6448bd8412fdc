package io.mqrunbooks.application.port.out;

import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.NativeHaGroupStatus;
import io.mqrunbooks.mq.NativeHaStatus;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.mq.RdqmHaStatus;
import java.util.List;
import java.util.Map;

/**
 * IBM MQ control commands on a host (dspmq, strmqm, endmqm, rdqmstatus, rdqmdr, crtmqm, dltmqm,
 * dspmqver), run over SSH and parsed. Hosts and queue managers are named as in the inventory; every name
 * is validated before anything reaches a command line.
 *
 * <p>Results, not exceptions, for what MQ answers (e.g. strmqm on a running queue manager is
 * {@code ALREADY_RUNNING}); {@link SshException} when the host could not be asked, and
 * {@code MqOutputException} when the answer was not recognised.
 */
public interface MqControlPort {

    /** {@code dspmq -m QM -o status -n} (and {@code -x} for instances; {@code -n}: IBM's words whatever the locale). */
    QueueManagerState status(String host, String queueManager);

    /** {@code dspmq -m QM -o nativeha -x -n}: a Native HA instance's role, the quorum and each instance's sync. */
    NativeHaStatus nativeHaStatus(String host, String queueManager);

    /** {@code dspmq -m QM -o nativeha -g -n}: the instance's group and both groups of a cross-region configuration. */
    NativeHaGroupStatus nativeHaGroupStatus(String host, String queueManager);

    /**
     * {@code sed -i s/GroupRole=FROM/GroupRole=TO/ /var/mqm/qmgrs/QM/qm.ini}: the role this Native HA instance
     * requests for its group (the {@code GroupRole} attribute of its {@code NativeHALocalInstance} stanza); a file
     * that already requests {@code toRole} is left as it is.
     *
     * @param toRole {@code Live} or {@code Recovery}
     */
    @ChangesEstate
    ControlResult requestNativeHaGroupRole(String host, String queueManager, String toRole);

    /** {@code strmqm QM}. */
    @ChangesEstate
    ControlResult start(String host, String queueManager);

    /** {@code strmqm -x QM}: a multi-instance standby instance. */
    @ChangesEstate
    ControlResult startStandby(String host, String queueManager);

    /** {@code endmqm [-c|-i|-p] [-w] [-s] QM}. */
    @ChangesEstate
    ControlResult end(String host, String queueManager, EndMode mode, boolean switchover);

    /** {@code rdqmstatus -m QM}. */
    RdqmDrStatus rdqmStatus(String host, String queueManager);

    /** {@code rdqmdr -m QM -p}. */
    @ChangesEstate
    ControlResult makeDrPrimary(String host, String queueManager);

    /** {@code rdqmdr -m QM -s}. */
    @ChangesEstate
    ControlResult makeDrSecondary(String host, String queueManager);

    /** {@code rdqmdr -m QM -d}: the command that recreates the secondary on the other node, parsed and validated. */
    DrSecondaryCommand drSecondaryCommand(String host, String queueManager);

    /** {@code crtmqm -rr p ...}: creates the DR primary and returns the secondary's command it printed. */
    @ChangesEstate
    DrSecondaryCommand createDrPrimary(String host, DrPrimarySpec spec);

    /** {@code crtmqm -rr s ...} rebuilt from validated parts, never pasted. */
    @ChangesEstate
    ControlResult createDrSecondary(String host, DrSecondaryCommand command);

    /** {@code dltmqm QM}. */
    @ChangesEstate
    ControlResult delete(String host, String queueManager);

    /** {@code rdqmstatus -m QM} of an RDQM HA queue manager. */
    RdqmHaStatus rdqmHaStatus(String host, String queueManager);

    /** {@code rdqmstatus -n}: the HA group's nodes, online (true) or offline (false), in the order printed. */
    Map<String, Boolean> rdqmHaNodes(String host);

    /** {@code rdqmadm -s}: suspends this node of the HA group; its queue managers move to the other nodes. */
    @ChangesEstate
    ControlResult suspendHaNode(String host);

    /** {@code rdqmadm -r}: resumes this node of the HA group. */
    @ChangesEstate
    ControlResult resumeHaNode(String host);

    /** {@code rdqmadm -p -m QM -n node[,node]}: the queue manager's preferred location (it moves there when it can). */
    @ChangesEstate
    ControlResult setHaPreferredLocation(String host, String queueManager, List<String> nodes);

    /** {@code dspmqver}: the installation's version. */
    MqVersion version(String host);
}
