package io.mqrunbooks.platform.node;

/** Refuses a start: another running node holds this node's identity, and sharing it would let one release the other's jobs. */
public class NodeIdentityInUseException extends IllegalStateException {

    private final String nodeId;

    public NodeIdentityInUseException(String nodeId, String holder) {
        super("Node identity '" + nodeId + "' is held by another running node (" + holder + "). Two live nodes must"
                + " not share an identity: give this node its own mqrunbooks.node.id, or stop the other one first.");
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }
}
