package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

/** BpmnError codes of the migration runbooks; each is caught by a boundary event in the BPMN. */
public final class MigrationErrors {

    /** The inventory does not allow this migration (unknown queue manager or cluster, not clustered, ...). */
    public static final String MIGRATION_REFUSED = io.mqrunbooks.application.clustermigration.MigrationRefusedException.CODE;
    public static final String FULL_REPOSITORY_UNREACHABLE = "FULL_REPOSITORY_UNREACHABLE";
    /** Verification failures after the stop: each leads to the backout. */
    public static final String START_REFUSED = "START_REFUSED";
    public static final String CLUSTER_CHANNELS_NOT_RUNNING = "CLUSTER_CHANNELS_NOT_RUNNING";
    public static final String TEST_MESSAGE_NOT_DELIVERED = "TEST_MESSAGE_NOT_DELIVERED";

    private MigrationErrors() {
    }
}
