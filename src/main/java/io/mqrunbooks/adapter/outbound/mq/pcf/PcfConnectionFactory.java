package io.mqrunbooks.adapter.outbound.mq.pcf;

import io.mqrunbooks.application.port.out.mq.MqAdminException;

/** Opens PCF sessions to queue managers named as in the inventory; a seam so tests inject a mocked agent. */
public interface PcfConnectionFactory {

    /**
     * Connects to the queue manager. The caller closes the session (try-with-resources).
     *
     * @throws MqAdminException when the connection fails, with MQ's reason code
     */
    PcfSession open(String queueManager);
}
