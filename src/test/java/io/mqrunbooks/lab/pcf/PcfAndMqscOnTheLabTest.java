package io.mqrunbooks.lab.pcf;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.adapter.outbound.mq.pcf.PcfMqAdmin;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The same {@link MqAdminPort} calls through both transports against one lab: runmqsc (the SSH adapter, its
 * commands run in-process by the simulated MQ) and PCF (the unchanged {@link PcfMqAdmin} and IBM's
 * PCFMessageAgent, whose request bytes the lab's command server parses and answers). What one transport
 * changes the other sees, and both report the same results and the same failure reasons.
 */
class PcfAndMqscOnTheLabTest {

    private final Estate estate = FakeSshPort.labEstate();
    private final SimulatedMqEstate lab = new SimulatedMqEstate(estate, Clock.systemUTC());
    private final SshPort inProcess = (host, command) -> {
        var result = lab.execute(host.name(), host.sudo() ? "root" : host.user(), command.argv(),
                command.stdin() == null ? "" : command.stdin());
        return new CommandResult(host.name(), command.commandLine(), result.exitCode(), result.stdout(),
                result.stderr(), Duration.ZERO, false);
    };
    private final MqAdminPort mqsc = new MqscOverSshAdmin(estate, inProcess,
            new QueueManagerLocator(estate, new SshMqControl(estate, inProcess)));
    private final MqAdminPort pcf = new PcfMqAdmin(new LabPcfConnectionFactory(() -> estate, lab));

    /** The fields of a record both transports fill; attribute maps differ (runmqsc shows dates PCF was not asked for). */
    private static List<String> clusterQueueManagers(MqAdminPort admin, String qm) {
        return admin.clusterQueueManagers(qm, "*").stream()
                .map(c -> String.join(" ", c.name(), c.cluster(), c.channel(), c.qmType(),
                        c.suspended() ? "SUSPENDED" : "ACTIVE", c.status(), c.conname()))
                .sorted().toList();
    }

    private static List<String> channelStatus(MqAdminPort admin, String qm, String channel) {
        return admin.channelStatus(qm, channel).stream()
                .map(c -> String.join(" ", c.channel(), c.channelType(), String.valueOf(c.conname()), c.status(),
                        String.valueOf(c.transmissionQueue())))
                .toList();
    }

    private static final java.util.regex.Pattern DEFINE =
            java.util.regex.Pattern.compile("(?m)^DEFINE (\\w+)\\('?([^')]+)'?\\)");

    /** "QLOCAL APP.IN" for each DEFINE of a non-SYSTEM object in an exported script. */
    private static java.util.Set<String> definedObjects(String script) {
        java.util.Set<String> objects = new java.util.TreeSet<>();
        java.util.regex.Matcher m = DEFINE.matcher(script);
        while (m.find()) {
            if (!m.group(2).startsWith("SYSTEM.")) {
                objects.add(m.group(1) + " " + m.group(2));
            }
        }
        return objects;
    }

    private static Reason reasonOf(Runnable call) {
        return catchThrowableOfType(call::run, MqAdminException.class).reason();
    }

    @Test
    void queueManagerStatusIsRunningThroughBoth() {
        assertThat(pcf.queueManagerStatus("FR1").status()).isEqualTo("RUNNING")
                .isEqualTo(mqsc.queueManagerStatus("FR1").status());
        assertThat(pcf.queueManagerStatus("FR1").attributes()).containsEntry("QMNAME", "FR1");
    }

    @Test
    void clusterStateIsTheSameThroughBoth() {
        for (String qm : List.of("FR1", "PR1")) {
            List<String> overPcf = clusterQueueManagers(pcf, qm);
            assertThat(overPcf).as(qm).isNotEmpty().isEqualTo(clusterQueueManagers(mqsc, qm));
        }
        Function<ClusterQueue, String> queue = q -> q.name() + " " + q.cluster() + " " + q.hostedBy();
        List<String> all = pcf.clusterQueues("FR1", Optional.empty()).stream().map(queue).toList();
        assertThat(all).isNotEmpty()
                .isEqualTo(mqsc.clusterQueues("FR1", Optional.empty()).stream().map(queue).toList());
        assertThat(pcf.clusterQueues("FR1", Optional.of("PR2")).stream().map(queue).toList())
                .isEqualTo(mqsc.clusterQueues("FR1", Optional.of("PR2")).stream().map(queue).toList())
                .allMatch(q -> q.endsWith(" PR2"));
    }

    @Test
    void aSuspendOverPcfIsSeenOverMqscAndAResumeOverMqscOverPcf() {
        pcf.run("PR1", ObjectCommand.SUSPEND_CLUSTER, "PAYCLUS");

        assertThat(mqsc.clusterQueueManagers("FR1", "PR1")).singleElement()
                .extracting(ClusterQueueManager::suspended).isEqualTo(true);
        assertThat(clusterQueueManagers(pcf, "FR1")).isEqualTo(clusterQueueManagers(mqsc, "FR1"));

        mqsc.run("PR1", ObjectCommand.RESUME_CLUSTER, "PAYCLUS");

        assertThat(pcf.clusterQueueManagers("FR1", "PR1")).singleElement()
                .extracting(ClusterQueueManager::suspended).isEqualTo(false);
    }

    @Test
    void aSwitchingClusterSenderReadsTheSameThroughBothAndIsNotStartedAgain() {
        lab.channelCondition("pr1", "PR1", "TO.FR1", "SWITCHING");

        assertThat(mqsc.channelStatus("PR1", "TO.FR1")).extracting(ChannelStatus::state)
                .containsExactly(ChannelStatus.State.SWITCHING);
        assertThat(channelStatus(pcf, "PR1", "TO.FR1")).isEqualTo(channelStatus(mqsc, "PR1", "TO.FR1"));
        assertThat(new io.mqrunbooks.application.generic.GenericSteps(pcf).runMqsc("PR1", List.of(
                new io.mqrunbooks.application.generic.MqscCommand(
                        io.mqrunbooks.application.generic.MqscCommand.Kind.START_CHANNEL, "TO.FR1"))))
                .containsExactly("PR1: START CHANNEL(TO.FR1): not sent, the channel is already started:"
                        + " STATUS(SWITCHING)");

        lab.channelCondition("fr1", "FR1", "TO.FR1", "PAUSED");
        assertThat(pcf.channelStatus("FR1", "TO.FR1")).extracting(ChannelStatus::status).containsOnly("PAUSED");
        assertThat(channelStatus(pcf, "FR1", "TO.FR1")).isEqualTo(channelStatus(mqsc, "FR1", "TO.FR1"));
    }

    @Test
    void channelsStopAndStartThroughEitherAndShowTheSameStatus() {
        List<String> running = channelStatus(pcf, "PR1", "TO.FR1");
        assertThat(running).isNotEmpty().isEqualTo(channelStatus(mqsc, "PR1", "TO.FR1"));

        pcf.run("PR1", ObjectCommand.STOP_CHANNEL, "TO.FR1");
        assertThat(mqsc.channelStatus("PR1", "TO.FR1")).extracting(ChannelStatus::status).containsExactly("STOPPED");
        assertThat(channelStatus(pcf, "PR1", "TO.FR1")).isEqualTo(channelStatus(mqsc, "PR1", "TO.FR1"));

        mqsc.run("PR1", ObjectCommand.START_CHANNEL, "TO.FR1");
        assertThat(channelStatus(pcf, "PR1", "TO.FR1")).isEqualTo(channelStatus(mqsc, "PR1", "TO.FR1"))
                .isNotEqualTo(channelStatus(mqsc, "PR1", "NOSUCH"));
        assertThat(pcf.channelStatus("PR1", "SYSTEM.DEF.SENDER")).isEmpty();
        assertThat(mqsc.channelStatus("PR1", "SYSTEM.DEF.SENDER")).isEmpty();
    }

    @Test
    void definitionsAppliedOverPcfAreThereOverMqscAndDepthsAgree() {
        MqscScriptResult applied = pcf.applyDefinitions("FR1",
                "DEFINE QLOCAL(APP.PCF.IN) MAXDEPTH(2000) DESCR('made over PCF')\n");
        lab.putMessages("fr1", "FR1", "APP.PCF.IN", 3, false);
        // LIKE an object that does not exist: MQ refuses it the same way whichever transport sent it.
        String badDefine = "DEFINE QLOCAL(APP.PCF.OTHER) LIKE(NO.SUCH.QUEUE)\n";
        MqscScriptResult againOverPcf = pcf.applyDefinitions("FR1", badDefine);
        MqscScriptResult againOverMqsc = mqsc.applyDefinitions("FR1", badDefine);

        assertThat(applied.commandsRead()).isEqualTo(1);
        assertThat(applied.commandsWithErrors()).isZero();
        assertThat(againOverPcf.commandsWithErrors()).isEqualTo(1).isEqualTo(againOverMqsc.commandsWithErrors());
        assertThat(againOverPcf.output()).contains("AMQ8147E: IBM MQ object NO.SUCH.QUEUE not found.");
        assertThat(mqsc.queueDepth("FR1", "APP.PCF.IN")).isEqualTo(3).isEqualTo(pcf.queueDepth("FR1", "APP.PCF.IN"));
        String overPcf = pcf.exportDefinitions("FR1");
        assertThat(overPcf).contains("DEFINE QLOCAL('APP.PCF.IN') +", "MAXDEPTH(2000)", "DESCR('made over PCF')");
        // The PCF export is limited to queues, channels and listeners (docs/pcf.md); those it has, runmqsc's has too.
        assertThat(definedObjects(mqsc.exportDefinitions("FR1"))).containsAll(definedObjects(overPcf))
                .contains("QLOCAL APP.PCF.IN");
        assertThat(definedObjects(overPcf)).contains("QLOCAL APP.PCF.IN", "CHANNEL TO.FR1", "LISTENER LISTENER.TCP");
    }

    @Test
    void failuresHaveTheSameReasonThroughBoth() {
        assertThat(reasonOf(() -> pcf.queueDepth("FR1", "NO.SUCH.QUEUE"))).isEqualTo(Reason.OBJECT_NOT_FOUND)
                .isEqualTo(reasonOf(() -> mqsc.queueDepth("FR1", "NO.SUCH.QUEUE")));
        assertThat(reasonOf(() -> pcf.run("PR1", ObjectCommand.SUSPEND_CLUSTER, "NOCLUS"))).isEqualTo(Reason.OBJECT_NOT_FOUND)
                .isEqualTo(reasonOf(() -> mqsc.run("PR1", ObjectCommand.SUSPEND_CLUSTER, "NOCLUS")));
        assertThat(reasonOf(() -> pcf.run("PR1", ObjectCommand.START_CHANNEL, "NO.SUCH.CHL"))).isEqualTo(Reason.OBJECT_NOT_FOUND)
                .isEqualTo(reasonOf(() -> mqsc.run("PR1", ObjectCommand.START_CHANNEL, "NO.SUCH.CHL")));
        assertThat(reasonOf(() -> pcf.queueManagerStatus("NOSUCHQM"))).isEqualTo(Reason.OTHER)
                .isEqualTo(reasonOf(() -> mqsc.queueManagerStatus("NOSUCHQM")));

        lab.execute("pr3", "mqm", List.of("endmqm", "-i", "PR3"), "");

        assertThat(reasonOf(() -> pcf.queueManagerStatus("PR3"))).isEqualTo(Reason.QUEUE_MANAGER_NOT_AVAILABLE)
                .isEqualTo(reasonOf(() -> mqsc.queueManagerStatus("PR3")));
    }

    @Test
    void pcfFailuresNameMqsReasonCode() {
        assertThat(catchThrowableOfType(() -> pcf.queueDepth("FR1", "NO.SUCH.QUEUE"), MqAdminException.class))
                .hasMessage("FR1: DISPLAY QLOCAL(NO.SUCH.QUEUE) CURDEPTH (PCF MQCMD_INQUIRE_Q) failed with reason"
                        + " 2085 MQRC_UNKNOWN_OBJECT_NAME");
        assertThat(catchThrowableOfType(() -> pcf.run("PR1", ObjectCommand.START_CHANNEL, "NO.SUCH.CHL"), MqAdminException.class))
                .hasMessage("PR1: START CHANNEL(NO.SUCH.CHL) (PCF MQCMD_START_CHANNEL) failed with reason"
                        + " 4032 MQRCCF_CHANNEL_NOT_FOUND");
    }
}
