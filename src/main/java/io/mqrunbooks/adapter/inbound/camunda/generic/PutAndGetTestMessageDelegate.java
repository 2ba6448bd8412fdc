package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Element template "MQ: put and get a test message": a test message put on a queue of the run's sealed queue
 * manager (the queue defined when missing) and got back by its correlation id, as the DR activation proves its
 * backup ({@link MessageFlowProof}). A retry puts a new message with a new id; amqsget clears an earlier one.
 */
@Component
public class PutAndGetTestMessageDelegate extends SealedQueueManagerStep {

    /** Input parameter: the test queue (a local queue holding test messages only), or a placeholder. */
    public static final String TEST_QUEUE = "testQueue";
    /** Input parameter: seconds to wait for the message to come back, 1 to {@link #LONGEST_WAIT_SECONDS}. */
    public static final String WAIT_SECONDS = "waitSeconds";
    public static final List<String> INPUTS = List.of(TEST_QUEUE, WAIT_SECONDS);
    /** Output: what was put and got back, in words. */
    public static final RunVariable<String> TEST_MESSAGE_RESULT = RunVariable.stringVariable("testMessageResult");
    static final int LONGEST_WAIT_SECONDS = 120;

    private final MessageFlowProof proof;

    public PutAndGetTestMessageDelegate(RunRecords runs, MessageFlowProof proof) {
        super(runs);
        this.proof = proof;
    }

    @Override
    void execute(DelegateExecution execution, RunRecord run, String queueManager) {
        String queue = GenericStepInputs.mqName(execution, run, TEST_QUEUE, "queue");
        Duration wait = Duration.ofSeconds(waitSeconds(GenericStepInputs.input(execution, WAIT_SECONDS)));
        GenericStepInputs.requireApproval(execution, "put a test message on " + queue + " of " + queueManager);
        String runName = execution.getProcessBusinessKey() == null ? run.runId() : execution.getProcessBusinessKey();
        MessageFlowProof.Proof done = proof.roundTrip(queueManager, queueManager, queue, wait,
                "mq-runbooks test message, run " + runName);
        TEST_MESSAGE_RESULT.set(execution, done.detail());
        RunText.appendLine(execution, RunbookVariables.RUN_LOG, queueManager + ": " + done.detail());
    }

    private static int waitSeconds(String text) {
        String digits = text.strip();
        if (digits.matches("\\d{1,3}")) {
            int seconds = Integer.parseInt(digits);
            if (seconds >= 1 && seconds <= LONGEST_WAIT_SECONDS) {
                return seconds;
            }
        }
        throw new UnsafeArgumentException("waitSeconds '" + text + "' is not a whole number of seconds from 1 to "
                + LONGEST_WAIT_SECONDS);
    }
}
