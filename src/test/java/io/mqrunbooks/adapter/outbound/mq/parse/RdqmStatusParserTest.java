package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.DrStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.DrType;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.HaStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.Role;
import org.junit.jupiter.api.Test;

class RdqmStatusParserTest {

    private final RdqmStatusParser parser = new RdqmStatusParser();

    @Test
    void readsDrHaPrimaryWithOtherNodes() {
        RdqmStatusResult result = parser.parse(Fixtures.read("rdqmstatus", "drha-primary.txt"));

        assertThat(result.form()).isEqualTo(RdqmStatusResult.Form.DETAIL);
        assertThat(result.node()).isEqualTo("wdc1-mq1");
        RdqmStatusResult.QueueManagerDetail qm = result.queueManager();
        assertThat(qm.status()).isEqualTo(QmStatus.RUNNING);
        assertThat(qm.drRole()).isEqualTo(Role.PRIMARY);
        assertThat(qm.drStatus()).isEqualTo(DrStatus.NORMAL);
        assertThat(qm.drType()).isNull();
        assertThat(qm.drPort()).isEqualTo(7001);
        assertThat(qm.drLocalIpAddress()).isEqualTo("10.241.0.4");
        assertThat(qm.drRemoteIpAddresses()).containsExactly("10.240.0.4", "10.240.64.4", "10.240.128.4");
        assertThat(qm.drCurrentRemoteIpAddress()).isEqualTo("10.240.0.4");
        assertThat(qm.drOutOfSyncBytes()).isNull();
        assertThat(qm.haRole()).isEqualTo(Role.PRIMARY);
        assertThat(qm.haStatus()).isEqualTo(HaStatus.NORMAL);
        assertThat(qm.fields()).containsEntry("Memory", "182MB")
                .containsEntry("Queue manager file system", "58MB used, 2.9GB allocated [2%]")
                .containsEntry("HA current location", "This node");
        assertThat(result.otherNodes()).extracting(RdqmStatusResult.OtherNode::node, RdqmStatusResult.OtherNode::haStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wdc2-mq1", HaStatus.NORMAL),
                        org.assertj.core.groups.Tuple.tuple("wdc3-mq1", HaStatus.NORMAL));
    }

    @Test
    void readsDrHaSecondary() {
        RdqmStatusResult.QueueManagerDetail qm = parser.parse(Fixtures.read("rdqmstatus", "drha-secondary.txt"))
                .queueManager();
        assertThat(qm.status()).isEqualTo(QmStatus.ENDED_IMMEDIATELY);
        assertThat(qm.drRole()).isEqualTo(Role.SECONDARY);
        assertThat(qm.drStatus()).isEqualTo(DrStatus.NORMAL);
        assertThat(qm.fields()).doesNotContainKey("CPU");
    }

    @Test
    void readsNodeNamesWrappedOntoTheNextLine() {
        RdqmStatusResult primary = parser.parse(Fixtures.read("rdqmstatus", "drha-primary-wrapped-node.txt"));
        assertThat(primary.node()).isEqualTo("node-a1");
        assertThat(primary.queueManager().drPort()).isEqualTo(8001);
        assertThat(primary.otherNodes()).extracting(RdqmStatusResult.OtherNode::node).containsExactly("node-a2", "node-a3");
        RdqmStatusResult secondary = parser.parse(Fixtures.read("rdqmstatus", "drha-secondary-wrapped-node.txt"));
        assertThat(secondary.node()).isEqualTo("node-b1");
        assertThat(secondary.queueManager().drRole()).isEqualTo(Role.SECONDARY);
        assertThat(secondary.queueManager().drRemoteIpAddresses()).containsExactly("192.168.198.50", "192.168.198.66",
                "192.168.199.236");
    }

    @Test
    void readsHaOnlyStatusAndIgnoresTheSudoNote() {
        RdqmStatusResult result = parser.parse(Fixtures.read("rdqmstatus", "ha-running-with-sudo-note.txt"));
        assertThat(result.node()).isEqualTo("mqhavm13.hursley.ibm.com");
        assertThat(result.queueManager().isDrConfigured()).isFalse();
        assertThat(result.queueManager().drStatus()).isNull();
        assertThat(result.queueManager().haStatus()).isEqualTo(HaStatus.NORMAL);
        assertThat(result.otherNodes()).hasSize(2);
    }

    @Test
    void readsDrSynchronizationProgressAndOutOfSyncBytes() {
        RdqmStatusResult.QueueManagerDetail qm = parser.parse(
                Fixtures.read("rdqmstatus", "constructed-dr-primary-sync-in-progress.txt")).queueManager();
        assertThat(qm.drStatus()).isEqualTo(DrStatus.SYNCHRONIZATION_IN_PROGRESS);
        assertThat(qm.drType()).isEqualTo(DrType.ASYNCHRONOUS);
        assertThat(qm.drRemoteIpAddresses()).containsExactly("10.0.2.15");
        assertThat(qm.drOutOfSyncBytes()).isEqualTo(1305896L * 1024);
        assertThat(qm.drSynchronizationProgressPercent()).isEqualTo(23.4);
        assertThat(qm.drEstimatedTimeToCompletion()).isEqualTo("2020-05-06 11:26:20");
    }

    @Test
    void readsRemoteUnavailableAndInconsistent() {
        RdqmStatusResult.QueueManagerDetail primary = parser.parse(
                Fixtures.read("rdqmstatus", "constructed-dr-primary-remote-unavailable.txt")).queueManager();
        assertThat(primary.drStatus()).isEqualTo(DrStatus.REMOTE_UNAVAILABLE);
        assertThat(primary.drOutOfSyncBytes()).isEqualTo(4232L * 1024);
        RdqmStatusResult.QueueManagerDetail secondary = parser.parse(
                Fixtures.read("rdqmstatus", "constructed-dr-secondary-inconsistent.txt")).queueManager();
        assertThat(secondary.drStatus()).isEqualTo(DrStatus.INCONSISTENT);
        assertThat(secondary.drRole()).isEqualTo(Role.SECONDARY);
    }

    @Test
    void readsThePlainSummary() {
        RdqmStatusResult result = parser.parse(Fixtures.read("rdqmstatus", "summary-dr-9.3-docs.txt"));
        assertThat(result.form()).isEqualTo(RdqmStatusResult.Form.SUMMARY);
        assertThat(result.node()).isEqualTo("mqhavm07.exampleco.com");
        assertThat(result.nodeFields()).containsEntry("DRBD kernel module status", "Loaded");
        assertThat(result.queueManagers()).extracting(RdqmStatusResult.SummaryEntry::name,
                RdqmStatusResult.SummaryEntry::status, RdqmStatusResult.SummaryEntry::drRole).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DRQM8", QmStatus.ENDED_IMMEDIATELY, Role.SECONDARY),
                org.assertj.core.groups.Tuple.tuple("DRQM7", QmStatus.RUNNING, Role.PRIMARY));
    }

    @Test
    void readsTheNodeList() {
        assertThat(parser.parse(Fixtures.read("rdqmstatus", "n-three-nodes-online.txt")).nodesOnline())
                .containsOnlyKeys("colgrave-vsi-rdqm-eu-gb-1", "colgrave-vsi-rdqm-eu-gb-2", "colgrave-vsi-rdqm-eu-gb-3")
                .allSatisfy((node, online) -> assertThat(online).isTrue());
        RdqmStatusResult result = parser.parse("Node colgrave-vsi-rdqm-eu-gb-1 is online\n"
                + "Node colgrave-vsi-rdqm-eu-gb-2 is offline\nCommand '/opt/mqm/bin/rdqmstatus' run with sudo.\n");
        assertThat(result.form()).isEqualTo(RdqmStatusResult.Form.NODES);
        assertThat(result.nodesOnline()).containsExactly(java.util.Map.entry("colgrave-vsi-rdqm-eu-gb-1", true),
                java.util.Map.entry("colgrave-vsi-rdqm-eu-gb-2", false));
        assertThatThrownBy(() -> parser.parse("Node a is online\nNode b is sleeping\n"))
                .hasMessage("line 2 'Node b is sleeping': not an rdqmstatus -n 'Node <name> is online|offline' line;"
                        + " other lines (such as the heartbeat link encryption status of MQ 9.4.5) are not read, rather"
                        + " than guessed");
    }

    @Test
    void convertsDataSizes() {
        assertThat(RdqmStatusParser.parseBytes("0KB")).contains(0L);
        assertThat(RdqmStatusParser.parseBytes("2MB")).contains(2L * 1024 * 1024);
        assertThat(RdqmStatusParser.parseBytes("1.5GB")).contains(1610612736L);
        assertThat(RdqmStatusParser.parseBytes("12 KB")).isEmpty();
    }

    /** "Inactive": secondary on both nodes (IBM's DR status list, https://www.ibm.com/docs/en/mq-appliance/9.4.x?topic=managers-viewing-status-disaster-recovery-queue-manager). */
    @Test
    void readsTheInactiveDrStatus() {
        String output = Fixtures.read("rdqmstatus", "constructed-dr-secondary-inconsistent.txt")
                .replace("Inconsistent", "Inactive");
        assertThat(parser.parse(output).queueManager().drStatus()).isEqualTo(RdqmEnums.DrStatus.INACTIVE);
    }

    @Test
    void refusesAnUnknownDrStatus() {
        String output = Fixtures.read("rdqmstatus", "constructed-dr-secondary-inconsistent.txt")
                .replace("Inconsistent", "Mostly fine");
        assertThatThrownBy(() -> parser.parse(output)).isInstanceOf(MqOutputParseException.class)
                .hasMessage("line 4 'DR status:                              Mostly fine': unknown DR status"
                        + " 'Mostly fine'; expected one of Normal, Synchronization in progress, Remote unavailable,"
                        + " Inconsistent, Partitioned, Reverting to snapshot, Waiting for initial synchronization, Paused, Inactive");
    }

    @Test
    void refusesUnknownLabelsGarbageAndTruncation() {
        assertThatThrownBy(() -> parser.parse("Node:    dr1\nQueue manager status:   Running\nDR mood:   Happy"))
                .hasMessage("line 3 'DR mood:   Happy': unknown rdqmstatus label 'DR mood'");
        assertThatThrownBy(() -> parser.parse("Node:    dr1\nQueue manager status:   Running\n#### garbage"))
                .hasMessageContaining("expected an rdqmstatus 'Label:  value' line");
        assertThatThrownBy(() -> parser.parse("Node:    dr1\n"))
                .hasMessageContaining("has no 'Queue manager status:'; output is incomplete");
        assertThatThrownBy(() -> parser.parse("Node:    dr1\nQueue manager status:   Running\nDR role:   Primary\n"))
                .hasMessageContaining("a DR role is printed but no 'DR status:'");
        assertThatThrownBy(() -> parser.parse("Node:    dr1\nQueue manager status:   Running\nDR out of sync data: lots\n"
                + "DR role: Primary\nDR status: Normal")).hasMessageContaining("'lots' is not an amount of data");
        assertThatThrownBy(() -> parser.parse("Queue manager status:   Running"))
                .hasMessageContaining("each rdqmstatus section starts with 'Node:'");
        assertThatThrownBy(() -> parser.parse("Node:    dr1\nQueue manager status:   Runing"))
                .hasMessageContaining("unknown queue manager status 'Runing'");
        assertThatThrownBy(() -> parser.parse("Node:    dr1\nQueue manager status:   Running\nDR role: Primary\n"
                + "DR status: Normal\nDR local IP address: 10.0.2.14; rm -rf /"))
                .hasMessageContaining("is not an IPv4 address");
    }

    @Test
    void readsTheHaLocationsOfTheDrHaSummary() {
        RdqmStatusResult result = parser.parse(Fixtures.read("rdqmstatus", "summary-drha-9.2-docs.txt"));
        assertThat(result.form()).isEqualTo(RdqmStatusResult.Form.SUMMARY);
        assertThat(result.node()).isEqualTo("main-alice");
        assertThat(result.nodeFields()).containsEntry("DRBD kernel module status", "Loaded");
        assertThat(result.queueManagers()).singleElement().satisfies(qm -> {
            assertThat(qm.name()).isEqualTo("RDQM1");
            assertThat(qm.status()).isEqualTo(QmStatus.RUNNING_ELSEWHERE);
            assertThat(qm.haCurrentLocation()).isEqualTo("main-charlie");
            assertThat(qm.haPreferredLocation()).isEqualTo("main-charlie");
            assertThat(qm.fields()).containsEntry("HA blocked location", "None");
        });
        assertThat(parser.parse(Fixtures.read("rdqmstatus", "drha-primary.txt")).queueManager().haCurrentLocation())
                .isEqualTo("This node");
    }

    @Test
    void readKeepsUnknownValuesAndLabelsAsTextWithAWarning() {
        String output = Fixtures.read("rdqmstatus", "drha-primary.txt")
                .replace("DR status:                              Normal", "DR status:                              Resyncing")
                .replace("HA control:                             Enabled",
                        "HA control:                             Enabled\nHA quorum:                              3/3");
        RdqmStatusResult result = parser.read(output);
        assertThat(result.queueManager().drStatus()).isNull();
        assertThat(result.queueManager().drRole()).isEqualTo(Role.PRIMARY);
        assertThat(result.queueManager().fields()).containsEntry("DR status", "Resyncing").containsEntry("HA quorum", "3/3");
        assertThat(result.warnings()).containsExactly(
                "line 9 'HA quorum:                              3/3': unknown rdqmstatus label 'HA quorum'; kept as text",
                "line 16 'DR status:                              Resyncing': unknown DR status 'Resyncing'; expected"
                        + " one of Normal, Synchronization in progress, Remote unavailable, Inconsistent, Partitioned,"
                        + " Reverting to snapshot, Waiting for initial synchronization, Paused, Inactive; kept as text");
        assertThatThrownBy(() -> parser.parse(output)).hasMessageStartingWith("line 9 'HA quorum: ");
        assertThat(parser.read(Fixtures.read("rdqmstatus", "drha-primary.txt")).warnings()).isEmpty();
    }

    @Test
    void ignoresHtmlTagsCopiedFromAWebPage() {
        String plain = Fixtures.read("rdqmstatus", "summary-drha-9.2-docs.txt");
        String fromAPage = "<pre class=\"screen\">\n" + plain
                .replace("main-alice", "<span class=\"ph\">main-alice</span>")
                .replace("Running elsewhere", "<b>Running elsewhere</b>&nbsp;")
                .replace("Loaded\n", "Loaded<br/>\n") + "</pre>\n";
        assertThat(parser.parse(fromAPage)).usingRecursiveComparison().isEqualTo(parser.parse(plain));
    }

    /**
     * HA control and the HA locations as RDQM prints them (IBM MQ 9.4 "Viewing RDQM and HA group status",
     * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=availability-viewing-rdqm-ha-group-status; "HA control: Disabled"
     * and "HA blocked location: All nodes" from public DR/HA transcripts). A location that is neither one of
     * rdqmstatus's words nor node names used to become the node the queue manager runs on.
     */
    @Test
    void checksHaControlAndTheHaLocations() {
        String output = """
                Node:                                   mqhavm13.exampleco.com
                Queue manager status:                   Running
                CPU:                                    0.00%
                Memory:                                 135MB
                Queue manager file system:              51MB used, 1.0GB allocated [5%]
                HA role:                                Primary
                HA status:                              Normal
                HA control:                             Enabled
                HA current location:                    This node
                HA preferred location:                  mqhavm14.exampleco.com,mqhavm15.exampleco.com
                HA blocked location:                    All nodes
                HA floating IP interface:               None
                HA floating IP address:                 None

                Node:                                   mqhavm14.exampleco.com
                HA status:                              Normal

                Node:                                   mqhavm15.exampleco.com
                HA status:                              Normal
                """;
        RdqmStatusResult.QueueManagerDetail qm = parser.parse(output).queueManager();
        assertThat(qm.haCurrentLocation()).isEqualTo("This node");
        assertThat(qm.haPreferredLocation()).isEqualTo("mqhavm14.exampleco.com,mqhavm15.exampleco.com");
        assertThat(qm.fields()).containsEntry("HA blocked location", "All nodes").containsEntry("HA control", "Enabled");
        assertThat(parser.parse(output.replace("Enabled", "Disabled")).queueManager().fields())
                .containsEntry("HA control", "Disabled");

        assertThatThrownBy(() -> parser.parse(output.replace("Enabled", "Suspended")))
                .hasMessage("line 8 'HA control:                             Suspended': unknown HA control"
                        + " 'Suspended'; expected Enabled or Disabled");
        String moving = output.replace("HA current location:                    This node",
                "HA current location:                    Moving to mqhavm14");
        assertThatThrownBy(() -> parser.parse(moving)).hasMessageContaining("line 9")
                .hasMessageContaining("unknown HA current location 'Moving to mqhavm14'; expected None, This node or"
                        + " node names separated by commas");
        RdqmStatusResult lenient = parser.read(moving);
        assertThat(lenient.queueManager().fields()).containsEntry("HA current location", "Moving to mqhavm14");
        assertThat(lenient.warnings()).singleElement().asString().startsWith("line 9 ").endsWith("; kept as text");
    }

    /**
     * A DR/HA node where the HA group runs the queue manager elsewhere defers the DR status to the node that runs it
     * (public capture, MQ 9.4): read with no DR status of its own and the node named; another node is refused.
     */
    @Test
    void aDrHaSecondaryNodeDefersTheDrStatusToItsHaCurrentLocation() {
        String captured = Fixtures.read("rdqmstatus", "drha-ha-secondary-dr-status-see-node.txt");
        RdqmStatusResult.QueueManagerDetail qm = parser.parse(captured).queueManager();
        assertThat(qm.status()).isEqualTo(QmStatus.RUNNING_ELSEWHERE);
        assertThat(qm.drRole()).isEqualTo(Role.PRIMARY);
        assertThat(qm.drStatus()).isNull();
        assertThat(qm.drStatusShownOn()).isEqualTo("rdqm-a1");
        assertThat(qm.haCurrentLocation()).isEqualTo("rdqm-a1");

        assertThatThrownBy(() -> parser.parse(captured.replace("See rdqm-a1", "See rdqm-a3")))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageContaining("line 9 'DR status:                              See rdqm-a3'")
                .hasMessageContaining("must name the node of 'HA current location:' (rdqm-a1)");
    }
}
