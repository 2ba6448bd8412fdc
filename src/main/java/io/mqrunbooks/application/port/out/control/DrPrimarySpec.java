package io.mqrunbooks.application.port.out.control;

/**
 * {@code crtmqm -rr p -rt a|s -rl LOCAL -ri REMOTE -rn NODE -rp PORT -p LISTENERPORT QM}.
 */
public record DrPrimarySpec(String queueManager, boolean synchronous, String localAddress, String remoteAddress,
                            String remoteNode, int replicationPort, int listenerPort) {
}
