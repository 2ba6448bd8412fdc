package io.mqrunbooks.application.dractivation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON CCDT entry that points clients at the backup. Schema as IBM documents it (JSON CCDT examples and
 * "Channel attributes supported by the JSON CCDT": channel[].name, type "clientConnection",
 * clientConnection.connection[].host/port, clientConnection.queueManager):
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=ccdt-json-examples,
 * https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q132910_.html
 */
public final class ClientChannelTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClientChannelTable() {
    }

    public static String forBackup(ActivationTarget target, String clientChannel) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode channels = root.putArray("channel");
        ObjectNode channel = channels.addObject();
        channel.put("name", clientChannel);
        ObjectNode clientConnection = channel.putObject("clientConnection");
        ObjectNode connection = clientConnection.putArray("connection").addObject();
        connection.put("host", target.backupAddress());
        connection.put("port", target.listenerPort());
        clientConnection.put("queueManager", target.backupQueueManager());
        channel.put("type", "clientConnection");
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
