package io.mqrunbooks.estate;

/**
 * A machine reached over SSH.
 *
 * @param name               the logical name the inventory refers to (e.g. {@code dr1})
 * @param address            host name or IP address that SSH connects to
 * @param port               SSH port
 * @param user               SSH user
 * @param sudo               whether MQ control commands run through {@code sudo -n}
 * @param site               the site it stands in
 * @param replicationAddress the RDQM DR replication address ({@code -rl}/{@code -ri}), or null
 */
public record Host(String name, String address, int port, String user, boolean sudo, String site,
                   String replicationAddress) {

    @Override
    public String toString() {
        return name + " (" + user + "@" + address + ":" + port + ")";
    }
}
