package io.mqrunbooks.estate;

/**
 * The DR backup of a queue manager.
 *
 * @param queueManager the backup's name: the primary's own name (same name, other host) or a distinct DR
 *                     name such as {@code QM1_DR}
 * @param host         the host it runs on
 * @param level        hot, warm or cold
 */
public record Backup(String queueManager, String host, BackupLevel level) {

    public boolean hasDistinctName(String primaryName) {
        return !queueManager.equals(primaryName);
    }
}
