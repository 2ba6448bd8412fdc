package io.mqrunbooks.application.clustermigration;

/** The migration cannot go ahead for a business reason the message names (unknown queue manager, ...). */
public class MigrationRefusedException extends RuntimeException {

    public MigrationRefusedException(String message) {
        super(message);
    }
}
