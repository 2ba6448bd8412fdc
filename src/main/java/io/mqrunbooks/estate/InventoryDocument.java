package io.mqrunbooks.estate;

import static io.mqrunbooks.estate.ValueRule.*;

import io.mqrunbooks.estate.ValueRule.Checked;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.util.List;

/**
 * The inventory file as written (docs/inventory.md), bound by Jackson and checked field by field with
 * Bean Validation; the rules across entries are {@link InventoryReader}'s. A value of the wrong type is
 * null here, its problem already reported.
 */
record InventoryDocument(
        @NotNull(message = REQUIRED) @Size(min = 1, message = "is empty; the inventory needs at least one site")
        @Valid List<SiteEntry> sites,
        @NotNull(message = REQUIRED) @Size(min = 1, message = "is empty; the inventory needs at least one host")
        @Valid List<HostEntry> hosts,
        @NotNull(message = REQUIRED)
        @Size(min = 1, message = "is empty; the inventory needs at least one queue manager")
        @Valid List<QueueManagerEntry> queueManagers,
        @Valid List<ClusterEntry> clusters,
        @Valid List<PartnerEntry> channelPartners) {

    static final String REQUIRED = "required field is missing";
    private static final String FULL_REPOSITORY_NEEDED = "a cluster needs at least one full repository";
    private static final int DEFAULT_SSH_PORT = 22;

    record SiteEntry(@NotNull(message = REQUIRED) @Checked(SITE_NAME) String name) {
    }

    record HostEntry(@NotNull(message = REQUIRED) @Checked(MQ_NAME) String name,
                     @NotNull(message = REQUIRED) @Checked(HOST) String address,
                     @Checked(PORT) BigInteger port,
                     @NotNull(message = REQUIRED) @Checked(USER) String user,
                     Boolean sudo,
                     @NotNull(message = REQUIRED) String site,
                     @Checked(HOST) String replicationAddress) {

        Host toHost() {
            return new Host(name, address, port == null ? DEFAULT_SSH_PORT : port.intValue(), user,
                    Boolean.TRUE.equals(sudo), site, replicationAddress);
        }
    }

    record QueueManagerEntry(@NotNull(message = REQUIRED) @Checked(MQ_NAME) String name,
                             @NotNull(message = REQUIRED) @Checked(KIND) String kind,
                             @NotNull(message = REQUIRED) List<String> hosts,
                             @NotNull(message = REQUIRED) @Valid ListenerEntry listener,
                             @Checked(TRANSPORT) String transport,
                             @Valid PcfEntry pcf,
                             @Valid DrReplicationEntry drReplication,
                             @Valid BackupEntry backup,
                             @Valid CrossRegionEntry crossRegion) {

        /** Null when missing or not one of the kinds. */
        QueueManagerKind knownKind() {
            return kind == null ? null : QueueManagerKind.fromYaml(kind).orElse(null);
        }

        /** Silence or an unknown transport (reported where it stands) count as the default. */
        Transport knownTransport() {
            return transport == null ? Transport.MQSC_SSH
                    : Transport.fromYaml(transport).orElse(Transport.MQSC_SSH);
        }

        QueueManager toQueueManager() {
            return new QueueManager(name, knownKind(), hosts, listener.name(), listener.port().intValue(),
                    knownTransport(), pcf == null ? null : new PcfConnection(pcf.channel(), pcf.cipherSpec()),
                    drReplication == null ? null : new DrReplication(drReplication.port().intValue(),
                            "sync".equals(drReplication.mode())),
                    backup == null ? null : new Backup(backup.queueManager(), backup.host(),
                            BackupLevel.fromYaml(backup.level()).orElseThrow()),
                    crossRegion == null ? null : new NativeHaCrossRegion(crossRegion.group(),
                            crossRegion.recoveryGroup(), crossRegion.recoveryHosts()));
        }
    }

    /** Native HA cross-region replication: the group names and the other region's three hosts. */
    record CrossRegionEntry(@NotNull(message = REQUIRED) @Checked(MQ_NAME) String group,
                            @NotNull(message = REQUIRED) @Checked(MQ_NAME) String recoveryGroup,
                            @NotNull(message = REQUIRED) List<String> recoveryHosts) {
    }

    record ListenerEntry(@NotNull(message = REQUIRED) @Checked(MQ_NAME) String name,
                         @NotNull(message = REQUIRED) @Checked(PORT) BigInteger port) {
    }

    record PcfEntry(@NotNull(message = REQUIRED) @Checked(CHANNEL) String channel,
                    @Checked(CIPHER_SPEC) String cipherSpec) {
    }

    record DrReplicationEntry(@NotNull(message = REQUIRED) @Checked(PORT) BigInteger port,
                              @NotNull(message = REQUIRED) @Checked(DR_MODE) String mode) {
    }

    record BackupEntry(@NotNull(message = REQUIRED) @Checked(MQ_NAME) String queueManager,
                       @NotNull(message = REQUIRED) String host,
                       @NotNull(message = REQUIRED) @Checked(BACKUP_LEVEL) String level) {
    }

    record ClusterEntry(@NotNull(message = REQUIRED) @Checked(MQ_NAME) String name,
                        @NotNull(message = FULL_REPOSITORY_NEEDED) @Size(min = 1, message = FULL_REPOSITORY_NEEDED)
                        List<String> fullRepositories,
                        List<String> partialRepositories) {
    }

    record PartnerEntry(@NotNull(message = REQUIRED) @Checked(FREE_TEXT) String partner,
                        @NotNull(message = REQUIRED) @Checked(FREE_TEXT) String contact,
                        @NotNull(message = REQUIRED) String queueManager,
                        @NotNull(message = REQUIRED) @Checked(CHANNEL) String channel,
                        @NotNull(message = REQUIRED) @Checked(CONNAME) String drConname,
                        @NotNull(message = REQUIRED) @Checked(FREE_TEXT) String firewallTicketTemplate) {
    }

    Estate toEstate() {
        return new Estate(
                sites.stream().map(s -> new Site(s.name())).toList(),
                hosts.stream().map(HostEntry::toHost).toList(),
                queueManagers.stream().map(QueueManagerEntry::toQueueManager).toList(),
                orEmpty(clusters).stream().map(c -> new Cluster(c.name(), c.fullRepositories(),
                        orEmpty(c.partialRepositories()))).toList(),
                orEmpty(channelPartners).stream().map(p -> new ChannelPartner(p.partner(), p.contact(),
                        p.queueManager(), p.channel(), p.drConname(), p.firewallTicketTemplate())).toList());
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
