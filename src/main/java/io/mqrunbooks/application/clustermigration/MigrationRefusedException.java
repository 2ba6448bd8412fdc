package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.application.RunbookRefusal;

/** The migration cannot go ahead for a business reason the message names (unknown queue manager, ...). */
public class MigrationRefusedException extends RunbookRefusal {

    /** The BPMN error code of a refused migration (MigrationErrors.MIGRATION_REFUSED). */
    public static final String CODE = "MIGRATION_REFUSED";

    public MigrationRefusedException(String message) {
        super(CODE, message);
    }
}
