package io.mqrunbooks.application.port.out.control;

/**
 * The {@code crtmqm -rr s} command for a DR secondary, as RDQM prints it (rdqmdr -d, crtmqm -rr p), held
 * as validated parts so that it is rebuilt, never pasted, when it runs on the other node.
 *
 * @param queueManager    the queue manager name
 * @param localAddress    {@code -rl}: the new secondary's replication address
 * @param remoteAddress   {@code -ri}: the primary's replication address
 * @param remoteNode      {@code -rn}: the primary's node name
 * @param port            {@code -rp}
 * @param replicationType {@code -rt a|s}, or null when the printed command omitted it
 */
public record DrSecondaryCommand(String queueManager, String localAddress, String remoteAddress, String remoteNode,
                                 int port, String replicationType) {

    /** The command line as MQ printed it, for forms and evidence. */
    public String commandLine() {
        return "crtmqm -rr s" + (replicationType == null ? "" : " -rt " + replicationType) + " -rl " + localAddress
                + " -ri " + remoteAddress + " -rn " + remoteNode + " -rp " + port + " " + queueManager;
    }
}
