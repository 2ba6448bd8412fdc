package io.mqrunbooks.lab.mq;

/**
 * One message on a queue. Messages waiting on a transmission queue carry where they are going.
 *
 * @param text          the body (the lab's messages are text, as amqsput writes them)
 * @param persistent    whether it survives a restart and is replicated by RDQM
 * @param targetQmgr    for a message on a transmission queue: the destination queue manager, else null
 * @param targetQueue   for a message on a transmission queue: the destination queue, else null
 */
public record Message(String text, boolean persistent, String targetQmgr, String targetQueue) {

    public static Message local(String text, boolean persistent) {
        return new Message(text, persistent, null, null);
    }

    public Message delivered() {
        return new Message(text, persistent, null, null);
    }
}
