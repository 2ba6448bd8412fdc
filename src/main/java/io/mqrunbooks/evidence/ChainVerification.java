package io.mqrunbooks.evidence;

/**
 * The result of re-computing a run's hash chain.
 *
 * @param firstBroken null when the chain is intact
 */
public record ChainVerification(String runId, boolean intact, long recordsChecked, BrokenRecord firstBroken) {

    /** The first record whose stored values do not match the chain. */
    public record BrokenRecord(long sequence, long recordId, String problem, String expectedHash, String storedHash) {
    }

    public String describe() {
        if (intact) {
            return "Evidence chain intact: " + recordsChecked + " records verified.";
        }
        return "Evidence chain BROKEN at record " + firstBroken.sequence() + ": " + firstBroken.problem();
    }
}
