package io.mqrunbooks.adapter.outbound.mq.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.HaStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.Role;
import org.junit.jupiter.api.Test;

/** rdqmstatus -m for an HA queue manager while a node is suspended, and what rdqmadm prints. */
class RdqmHaOutputTest {

    private final RdqmStatusParser parser = new RdqmStatusParser();

    @Test
    void readsTheHaFieldsWhileANodeIsSuspendedAndAReplicaIsBehind() {
        RdqmStatusResult result = parser.parse(Fixtures.read("rdqmstatus", "constructed-ha-node-suspended-replica-behind.txt"));

        assertThat(result.node()).isEqualTo("ha2");
        RdqmStatusResult.QueueManagerDetail qm = result.queueManager();
        assertThat(qm.haRole()).isEqualTo(Role.PRIMARY);
        assertThat(qm.haStatus()).isEqualTo(HaStatus.MIXED);
        assertThat(qm.fields()).containsEntry("HA control", "Enabled");
        assertThat(qm.haCurrentLocation()).isEqualTo("This node");
        assertThat(qm.haPreferredLocation()).isEqualTo("ha1");
        assertThat(result.otherNodes()).extracting(RdqmStatusResult.OtherNode::node).containsExactly("ha1", "ha3");
        assertThat(result.otherNodes().get(0).haStatus()).isEqualTo(HaStatus.REMOTE_UNAVAILABLE);
        assertThat(result.otherNodes().get(1).haStatus()).isEqualTo(HaStatus.SYNCHRONIZATION_IN_PROGRESS);
        assertThat(result.otherNodes().get(1).haOutOfSyncBytes()).isEqualTo(2048L * 1024);
    }

    @Test
    void anUnknownHaStatusIsRefusedByParseAndKeptAsTextByRead() {
        String output = Fixtures.read("rdqmstatus", "constructed-ha-node-suspended-replica-behind.txt")
                .replace("HA status:                              Mixed", "HA status:                              Degraded");

        assertThatThrownBy(() -> parser.parse(output)).isInstanceOf(MqOutputParseException.class)
                .hasMessageContaining("unknown HA status 'Degraded'");
        RdqmStatusResult read = parser.read(output);
        assertThat(read.queueManager().haStatus()).isNull();
        assertThat(read.queueManager().fields()).containsEntry("HA status", "Degraded");
        assertThat(read.warnings()).singleElement().asString().contains("unknown HA status 'Degraded'")
                .endsWith("; kept as text");
    }

    /**
     * rdqmadm -s and -r as MQ 9.2.5 printed them, run as root on an RDQM DR/HA node (no sudo note):
     * github.com/ibm-client-engineering/solution-mq-rdqm-hadr readme.md, "Now lets failover the cluster to node2"
     * ("[root@wdc1-mq1 ~]# rdqmadm -s") and "Now fail things back over" ("[root@wdc1-mq1 ~]# rdqmadm -r").
     */
    @Test
    void readsRdqmadmSuspendAndResumeAsMqPrintsThem() {
        RdqmadmParser rdqmadm = new RdqmadmParser();
        assertThat(rdqmadm.parse("The replicated data node 'wdc1-mq1' has been suspended.\n\n", 0))
                .isEqualTo(new RdqmadmParser.Result(RdqmadmParser.Outcome.SUSPENDED,
                        java.util.List.of("The replicated data node 'wdc1-mq1' has been suspended.")));
        assertThat(rdqmadm.parse("The replicated data node 'wdc1-mq1' has been resumed.\n", 0).outcome())
                .isEqualTo(RdqmadmParser.Outcome.RESUMED);
    }

    @Test
    void readsWhatRdqmadmDidAndKeepsARefusal() {
        RdqmadmParser rdqmadm = new RdqmadmParser();
        assertThat(rdqmadm.parse("The replicated data node 'ha1' has been suspended.\nCommand '/opt/mqm/bin/rdqmadm'"
                + " run with sudo.\n", 0)).isEqualTo(new RdqmadmParser.Result(RdqmadmParser.Outcome.SUSPENDED,
                        java.util.List.of("The replicated data node 'ha1' has been suspended.")));
        assertThat(rdqmadm.parse("The replicated data node 'ha1' is already suspended.\n", 0).outcome())
                .isEqualTo(RdqmadmParser.Outcome.ALREADY_SUSPENDED);
        assertThat(rdqmadm.parse("The replicated data node 'ha1' is not suspended.\n", 0).outcome())
                .isEqualTo(RdqmadmParser.Outcome.NOT_SUSPENDED);
        assertThat(rdqmadm.parse("The preferred location of queue manager 'QMHA1' has been set to 'ha1'.\n", 0)
                .outcome()).isEqualTo(RdqmadmParser.Outcome.PREFERRED_LOCATION_SET);
        assertThat(rdqmadm.parse("Node 'ha1' cannot be suspended: it is the last active node of the HA group.\n", 1))
                .extracting(RdqmadmParser.Result::outcome).isEqualTo(RdqmadmParser.Outcome.REFUSED);
        assertThatThrownBy(() -> rdqmadm.parse("Something else happened.\n", 0))
                .isInstanceOf(MqOutputParseException.class).hasMessageContaining("an rdqmadm confirmation")
                .hasMessageContaining("Something else happened.");
    }
}
