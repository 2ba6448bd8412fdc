package io.mqrunbooks.runbooks.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample runbook built only from element templates, run end to end against the lab over SSH. */
class ChannelRefreshLabTest extends RunbookLabTest {

    @BeforeEach
    void partnerChannelRuns() {
        // Straight on the simulator (not over SSH, so not in the journal): QM1's partner channel runs, as in production.
        assertThat(labMq.execute("mqeast1", "mqm", List.of("runmqsc", "QM1"), "START CHANNEL(QM1.TO.BANK)\n")
                .exitCode()).isZero();
        assertThat(channelStatus()).contains("STATUS(RUNNING)");
        labJournal.clear();
    }

    private String channelStatus() {
        return labMq.execute("mqeast1", "mqm", List.of("runmqsc", "QM1"), "DISPLAY CHSTATUS(QM1.TO.BANK)\n").stdout();
    }

    @Test
    void stopsAndStartsThePartnerChannelThenGetsATestMessageBack() {
        ProcessInstance run = start("channelRefreshProcess", "queueManager", "QM1", "channel", "QM1.TO.BANK",
                "reason", "Bank of Example asked for a restart");
        awaitTask(run.getId(), "userTask_approveRefresh");
        assertThat(variable(run.getId(), "runLog")).isEqualTo("QM1: DISPLAY CHSTATUS(QM1.TO.BANK): STATUS(RUNNING)");
        // where QM1 runs (dspmq on its host and its backup's), then the MQSC on its host
        assertThat(commands()).containsExactly("mqeast1: dspmq -m QM1 -o status -n", "mqwest1: dspmq -m QM1 -o status -n",
                "mqeast1: runmqsc QM1");
        labJournal.clear();

        decide(run.getId(), "userTask_approveRefresh", "approvalDecision", "approve", "approvalComment", "go");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        List<String> log = ((String) variable(run.getId(), "runLog")).lines().toList();
        assertThat(log).hasSize(6).startsWith(
                "QM1: DISPLAY CHSTATUS(QM1.TO.BANK): STATUS(RUNNING)",
                "QM1: STOP CHANNEL(QM1.TO.BANK): stop accepted (it was STATUS(RUNNING))",
                "Reached STOPPED_OR_INACTIVE: channel QM1.TO.BANK on QM1: STATUS(STOPPED)",
                "QM1: START CHANNEL(QM1.TO.BANK): start accepted (it was STATUS(STOPPED))",
                "Reached RUNNING: channel QM1.TO.BANK on QM1: STATUS(RUNNING)");
        assertThat(log.get(5)).matches("QM1: DEFINE QLOCAL\\('MQRB.TEST'\\) REPLACE \\(it was missing\\); put and got"
                + " back test message [0-9A-F]{48} on MQRB.TEST of QM1 in \\d+ ms");
        assertThat(channelStatus()).contains("STATUS(RUNNING)");
        assertThat(labMq.queueDepth("mqeast1", "QM1", "MQRB.TEST")).isZero();
        // the locator's dspmq aside, everything ran on QM1's host, nothing on its backup (mqwest1)
        assertThat(commands().stream().filter(c -> !c.contains("dspmq -m QM1 -o status -n"))).containsExactly(
                "mqeast1: runmqsc QM1", "mqeast1: runmqsc QM1",                    // DISPLAY CHSTATUS, STOP CHANNEL
                "mqeast1: runmqsc QM1",                                            // the wait's poll: STOPPED
                "mqeast1: runmqsc QM1", "mqeast1: runmqsc QM1",                    // DISPLAY CHSTATUS, START CHANNEL
                "mqeast1: runmqsc QM1",                                            // the wait's poll: RUNNING
                "mqeast1: runmqsc QM1", "mqeast1: runmqsc QM1",                    // CURDEPTH (AMQ8147E), DEFINE
                "mqeast1: /opt/mqm/samp/bin/amqsput MQRB.TEST QM1",
                "mqeast1: /opt/mqm/samp/bin/amqsget MQRB.TEST QM1");
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void aRejectedRefreshLeavesTheChannelRunning() {
        ProcessInstance run = start("channelRefreshProcess", "queueManager", "QM1", "channel", "QM1.TO.BANK",
                "reason", "check");
        decide(run.getId(), "userTask_approveRefresh", "approvalDecision", "reject", "approvalComment", "not today");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("rejected");
        assertThat(commands()).containsExactly("mqeast1: dspmq -m QM1 -o status -n", "mqwest1: dspmq -m QM1 -o status -n",
                "mqeast1: runmqsc QM1");
        assertThat(channelStatus()).contains("STATUS(RUNNING)");
    }
}
