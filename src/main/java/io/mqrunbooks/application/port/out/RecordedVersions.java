package io.mqrunbooks.application.port.out;

import io.mqrunbooks.mq.MqVersion;
import java.util.Optional;

/** An IBM MQ version a run's own command showed, read back from the run's evidence, not from its variables. */
public interface RecordedVersions {

    /** The version the last successful {@code dspmqver} on {@code host} at step {@code stepId} printed, if recorded. */
    Optional<MqVersion> dspmqverAt(String runId, String stepId, String host);
}
