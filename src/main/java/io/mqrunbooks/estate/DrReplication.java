package io.mqrunbooks.estate;

/**
 * RDQM DR replication settings ({@code crtmqm -rr p -rt a|s -rp PORT}).
 *
 * @param port        the replication port ({@code -rp})
 * @param synchronous {@code -rt s} when true, {@code -rt a} otherwise
 */
public record DrReplication(int port, boolean synchronous) {
}
