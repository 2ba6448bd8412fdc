package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.RunbookRefusal;

/**
 * strmqm found the backup's log not available (AMQ7017E, exit code 23): starting again will not help until its
 * logs are restored. A business outcome the process routes (cold: back to the restore confirmation; warm and hot:
 * stopped), not an incident; the message carries MQ's own text.
 */
public class BackupLogNotAvailableException extends RunbookRefusal {

    /** The BPMN error code the boundary event of "Start the backup (strmqm)" catches. */
    public static final String CODE = "LOG_NOT_AVAILABLE";

    public BackupLogNotAvailableException(String message) {
        super(CODE, message);
    }
}
