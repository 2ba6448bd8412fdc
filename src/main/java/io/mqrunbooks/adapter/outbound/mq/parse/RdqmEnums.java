package io.mqrunbooks.adapter.outbound.mq.parse;

import com.fasterxml.jackson.annotation.JsonValue;

/** The fixed vocabularies of rdqmstatus, with IBM's exact wording. */
public final class RdqmEnums {

    private RdqmEnums() {
    }

    /** "DR status:" values. */
    public enum DrStatus {
        NORMAL("Normal"),
        SYNCHRONIZATION_IN_PROGRESS("Synchronization in progress"),
        REMOTE_UNAVAILABLE("Remote unavailable"),
        INCONSISTENT("Inconsistent"),
        PARTITIONED("Partitioned"),
        REVERTING_TO_SNAPSHOT("Reverting to snapshot"),
        WAITING_FOR_INITIAL_SYNCHRONIZATION("Waiting for initial synchronization"),
        PAUSED("Paused"),
        /**
         * Secondary on both nodes: IBM's DR status list for the same replication on the MQ Appliance
         * (https://www.ibm.com/docs/en/mq-appliance/9.4.x?topic=managers-viewing-status-disaster-recovery-queue-manager).
         */
        INACTIVE("Inactive");

        private final String wording;

        DrStatus(String wording) {
            this.wording = wording;
        }

        @JsonValue
        public String wording() {
            return wording;
        }
    }

    /** "HA status:" values. */
    public enum HaStatus {
        NORMAL("Normal"),
        SYNCHRONIZATION_IN_PROGRESS("Synchronization in progress"),
        REMOTE_UNAVAILABLE("Remote unavailable"),
        MIXED("Mixed"),
        PARTITIONED("Partitioned");

        private final String wording;

        HaStatus(String wording) {
            this.wording = wording;
        }

        @JsonValue
        public String wording() {
            return wording;
        }
    }

    /** "DR role:" and "HA role:". */
    public enum Role {
        PRIMARY("Primary"),
        SECONDARY("Secondary");

        private final String wording;

        Role(String wording) {
            this.wording = wording;
        }

        @JsonValue
        public String wording() {
            return wording;
        }
    }

    /** "DR type:". */
    public enum DrType {
        SYNCHRONOUS("Synchronous"),
        ASYNCHRONOUS("Asynchronous");

        private final String wording;

        DrType(String wording) {
            this.wording = wording;
        }

        @JsonValue
        public String wording() {
            return wording;
        }
    }
}
