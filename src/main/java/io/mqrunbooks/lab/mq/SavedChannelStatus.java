package io.mqrunbooks.lab.mq;

/**
 * The saved status of one channel instance (DISPLAY CHSTATUS SAVED): IBM's common status fields the lab can
 * fill. Immutable, so a DR or backup copy of the data keeps its own.
 *
 * @param sequenceNumber the message sequence number of the last batch committed (LSTSEQNO, CURSEQNO)
 * @param status         the channel's STATUS when this was saved: RUNNING after a batch, STOPPED after STOP CHANNEL
 */
record SavedChannelStatus(String channelType, String conname, String remoteQueueManager, String xmitq,
                          long sequenceNumber, String status) {

    /** The status saved after the next batch: the sequence number moves on, the channel is running. */
    SavedChannelStatus nextBatch(SavedChannelStatus batch) {
        return new SavedChannelStatus(channelType, batch.conname, batch.remoteQueueManager, xmitq,
                sequenceNumber + batch.sequenceNumber, "RUNNING");
    }

    /** Status is also saved when the channel is stopped (IBM, "Displaying channel status"). */
    SavedChannelStatus stopped() {
        return new SavedChannelStatus(channelType, conname, remoteQueueManager, xmitq, sequenceNumber, "STOPPED");
    }
}
