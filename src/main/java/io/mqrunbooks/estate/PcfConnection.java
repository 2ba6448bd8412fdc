package io.mqrunbooks.estate;

/**
 * Where PCF reaches a queue manager. The host and port are the queue manager's host address and listener
 * port; user and password come from the MQ adapter's configuration, never from the inventory.
 *
 * @param channel    server-connection channel
 * @param cipherSpec TLS cipher spec, or null for none
 */
public record PcfConnection(String channel, String cipherSpec) {
}
