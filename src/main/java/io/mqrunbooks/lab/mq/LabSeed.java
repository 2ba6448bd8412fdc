package io.mqrunbooks.lab.mq;

import java.util.List;
import java.util.Map;

/**
 * Application objects the lab adds to the estate's queue managers, beyond what the inventory implies.
 *
 * @param clusterQueues   cluster queue name to the queue managers hosting it (each gets a QLOCAL with
 *                        CLUSTER set to the first cluster it belongs to); a queue manager not in the estate is
 *                        an error
 * @param localQueues     queue manager name to plain local queues it defines
 * @param warmBackupLag   queues a warm (and cold) backup deliberately lacks, so that the DR object baseline
 *                        finds a difference between primary and backup
 * @param partnerQueue    the queue on a partner's gateway queue manager that our senders deliver to
 */
public record LabSeed(Map<String, List<String>> clusterQueues, Map<String, List<String>> localQueues,
                      List<String> warmBackupLag, String partnerQueue) {

    public LabSeed {
        clusterQueues = Map.copyOf(clusterQueues);
        localQueues = Map.copyOf(localQueues);
        warmBackupLag = List.copyOf(warmBackupLag);
    }

    /**
     * The lab estate's seed: PAY.REQUEST on PR1 and PR2, PAY.ROUTING on FR1 and PR3, PAY.AUDIT only on PR3
     * (the migration runbook's "sole host" warning); PAYMENT.IN/OUT/NEW on QM1 and QM2, with PAYMENT.NEW
     * missing from their backups; APP.IN on QMDR and MIQM.
     */
    public static LabSeed standard() {
        return new LabSeed(
                Map.of("PAY.REQUEST", List.of("PR1", "PR2"),
                        "PAY.ROUTING", List.of("FR1", "PR3"),
                        "PAY.AUDIT", List.of("PR3")),
                Map.of("QM1", List.of("PAYMENT.IN", "PAYMENT.OUT", "PAYMENT.NEW"),
                        "QM2", List.of("PAYMENT.IN", "PAYMENT.OUT", "PAYMENT.NEW"),
                        "QM3", List.of("PAYMENT.IN"),
                        "QMDR", List.of("APP.IN"),
                        "MIQM", List.of("APP.IN")),
                List.of("PAYMENT.NEW"),
                "PAYMENTS.IN");
    }
}
