package io.mqrunbooks.platform.notify;

import java.util.List;

/** One way of telling people that a task waits for them. A failure is thrown; the caller logs it. */
public interface NotificationChannel {

    /** The channel's name in the log, e.g. {@code e-mail}. */
    String name();

    void send(WaitingTask task, List<Recipient> recipients) throws Exception;
}
