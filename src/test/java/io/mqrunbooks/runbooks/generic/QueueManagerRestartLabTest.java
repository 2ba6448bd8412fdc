package io.mqrunbooks.runbooks.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The restart sample built only from element templates, run end to end against the lab over SSH. */
class QueueManagerRestartLabTest extends RunbookLabTest {

    private String dspmq() {
        return labMq.execute("mqeast2", "mqm", List.of("dspmq", "-m", "QM2"), "").stdout().strip();
    }

    private void signOff(ProcessInstance run, String decision) {
        completeAs(OPERATOR, List.of("mq-operators"), run.getId(), "userTask_partnerSignOff", "partnerSignedOffBy",
                "Payments on-call", "partnerSignedOffAt", "2026-12-07T05:00+01:00", "partnerDecision", decision);
    }

    @Test
    void endsAndStartsTheQueueManagerOnItsHostAfterSignOffAndApproval() {
        ProcessInstance run = start("queueManagerRestartProcess", "queueManager", "QM2", "reason", "qm.ini tuning");
        awaitTask(run.getId(), "userTask_partnerSignOff");
        assertThat(variable(run.getId(), "runLog")).isEqualTo("QM2 on mqeast2: dspmq: STATUS(Running)");
        signOff(run, "signedOff");
        awaitTask(run.getId(), "userTask_approveRestart");
        labJournal.clear();

        decide(run.getId(), "userTask_approveRestart", "approvalDecision", "approve", "approvalComment", "go");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        List<String> log = ((String) variable(run.getId(), "runLog")).lines().toList();
        assertThat(log).hasSize(6);
        assertThat(log.subList(1, 3)).containsExactly("QM2 on mqeast2: endmqm -c: Quiesce request accepted. The queue"
                + " manager will stop when all outstanding work is complete. (it was Running)",
                "Reached ENDED: QM2: mqeast2 STATUS(Ended normally)");
        assertThat(log.get(3)).startsWith("QM2 on mqeast2: strmqm: IBM MQ queue manager 'QM2' starting.")
                .endsWith("IBM MQ queue manager 'QM2' started using V9.4.0.0. (it was Ended normally)");
        assertThat(log.subList(4, 6)).containsExactly("Reached RUNNING: QM2: mqeast2 STATUS(Running)",
                "QM2: DISPLAY QMSTATUS: QMNAME(QM2) STATUS(RUNNING)");
        assertThat(dspmq()).isEqualTo("QMNAME(QM2)                                               STATUS(Running)");
        assertThat(commands()).contains("mqeast2: endmqm -c QM2", "mqeast2: strmqm QM2")
                .allMatch(c -> c.startsWith("mqeast2: ") || c.startsWith("mqwest2: dspmq"), "on QM2's host only");
    }

    /**
     * A host whose MQ speaks Chinese prints dspmq's statuses translated (a real zh_CN transcript's words): the engine
     * asks with -n, so the restart runs as on any host. Without -n it read "正在运行" and stopped at the first dspmq.
     * Every command also goes in the C locale (JschSshAdapter.ENGLISH_MESSAGES), for the commands without -n.
     */
    @Test
    void restartsTheQueueManagerOfAHostWhoseMqMessagesAreInChinese() {
        labMq.hostLanguage("mqeast2", "zh_CN");
        assertThat(dspmq()).isEqualTo("QMNAME(QM2)                                               STATUS(正在运行)");
        assertThatThrownBy(() -> new DspmqParser().parse(dspmq())).hasMessageContaining("line 1 ")
                .hasMessageContaining("unknown queue manager status '正在运行'");

        ProcessInstance run = start("queueManagerRestartProcess", "queueManager", "QM2", "reason", "locale");
        awaitTask(run.getId(), "userTask_partnerSignOff");
        assertThat(variable(run.getId(), "runLog")).isEqualTo("QM2 on mqeast2: dspmq: STATUS(Running)");
        signOff(run, "signedOff");
        awaitTask(run.getId(), "userTask_approveRestart");
        decide(run.getId(), "userTask_approveRestart", "approvalDecision", "approve", "approvalComment", "go");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat((String) variable(run.getId(), "runLog")).contains("Reached ENDED: QM2: mqeast2 STATUS(Ended normally)",
                "Reached RUNNING: QM2: mqeast2 STATUS(Running)");
        assertThat(commands()).filteredOn(c -> c.contains("dspmq")).allMatch(c -> c.endsWith(" -n"), "dspmq -n");
        assertThat(labJournal.entriesFor("mqeast2")).extracting(LabJournal.Entry::commandLine)
                .contains("env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 600s endmqm -c QM2")
                .allMatch(c -> c.startsWith("env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL "), "in the C locale");
        assertThat(dspmq()).endsWith("STATUS(正在运行)");
    }

    @Test
    void aDeclinedSignOffLeavesTheQueueManagerRunning() {
        ProcessInstance run = start("queueManagerRestartProcess", "queueManager", "QM2", "reason", "check");
        signOff(run, "declined");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("declined");
        assertThat(commands()).containsExactly("mqeast2: dspmq -m QM2 -o status -n");
        assertThat(dspmq()).contains("STATUS(Running)");
    }
}
