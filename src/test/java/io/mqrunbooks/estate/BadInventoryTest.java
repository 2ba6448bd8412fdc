package io.mqrunbooks.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under inventory/bad breaks one rule of docs/inventory.md (its name says which); the loader
 * must refuse it with exactly this one-line message, naming the file and the path inside it.
 */
class BadInventoryTest {

    private static final Path BAD = Path.of("src/test/resources/inventory/bad");

    private final InventoryLoader loader = new InventoryLoader();

    static Stream<Arguments> badInventories() {
        return Stream.of(
                bad("alias-bomb",
                        "cannot be read as YAML: Number of aliases for non-scalar nodes exceeds the specified max=20"),
                bad("backup-level-unknown",
                        "queueManagers[0].backup.level: 'lukewarm' is not one of hot, warm, cold"),
                bad("backup-name-is-another-queue-manager",
                        "queueManagers[0].backup.queueManager: 'QM2' is another queue manager of the inventory (queueManagers[1]); a distinct DR name must be unique"),
                bad("backup-name-with-hyphen",
                        "queueManagers[0].backup.queueManager: 'QM1-DR' has characters IBM MQ does not allow in a name (only A-Z a-z 0-9 . _ / %)"),
                bad("backup-names-collide-on-host",
                        "queueManagers[1].backup.queueManager: 'PAY_DR' on host mq2 is already the backup of QM1"),
                bad("backup-on-primary-host",
                        "queueManagers[0].backup.host: 'mq1' is a host QM1 itself runs on; the backup needs another host"),
                bad("channel-name-21-characters",
                        "channelPartners[0].channel: 'QM1.TO.BANK.OF.EXAMPL' is 21 characters; IBM MQ channel names allow at most 20"),
                bad("channel-name-with-ampersand",
                        "channelPartners[0].channel: 'QM1.TO.BANK&' contains a shell metacharacter '&'"),
                bad("cipher-spec-invalid",
                        "queueManagers[0].pcf.cipherSpec: 'TLS-AES' is not a cipher spec name (letters, digits and _)"),
                bad("cluster-full-repositories-missing",
                        "clusters[0].fullRepositories: a cluster needs at least one full repository"),
                bad("cluster-member-full-and-partial",
                        "clusters[0].partialRepositories[0]: 'QM1' is also a full repository of this cluster; a queue manager is either a full or a partial repository"),
                bad("cluster-member-listed-twice",
                        "clusters[0].fullRepositories[1]: 'FR1' is listed twice"),
                bad("cluster-name-too-long",
                        "clusters[0].name: '" + "C".repeat(49) + "' is 49 characters; IBM MQ allows at most 48"),
                bad("cluster-without-full-repository",
                        "clusters[0].fullRepositories: a cluster needs at least one full repository"),
                bad("contact-blank",
                        "channelPartners[0].contact: is blank"),
                bad("contact-command-substitution",
                        "channelPartners[0].contact: 'Payments $(reboot)' contains '$(', which a shell would run as a command"),
                bad("custom-tag",
                        "hosts[0].address: YAML tag '!!javax.script.ScriptEngineManager' is not allowed; the inventory holds plain values only"),
                bad("dr-conname-command",
                        "channelPartners[0].drConname: host '$(reboot)' contains a shell metacharacter '$'"),
                bad("dr-conname-not-host-port",
                        "channelPartners[0].drConname: 'dr-gw.bank.example:1414' is not host(port), e.g. dr-gw.bank.example(1414)"),
                bad("dr-conname-port-out-of-range",
                        "channelPartners[0].drConname: port 99999 is out of range (1-65535)"),
                bad("dr-replication-mode-unknown",
                        "queueManagers[0].drReplication.mode: 'asynchronous' is not one of async, sync"),
                bad("dr-replication-on-single",
                        "queueManagers[0].drReplication: only used by an rdqm-dr queue manager"),
                bad("dr-replication-port-out-of-range",
                        "queueManagers[0].drReplication.port: 65536 is out of range (1-65535)"),
                bad("duplicate-cluster-name",
                        "clusters[1].name: duplicate cluster name 'PAYCLUS' (first at clusters[0].name)"),
                bad("duplicate-host-name",
                        "hosts[2].name: duplicate host name 'mq1' (first at hosts[0].name)"),
                bad("duplicate-key",
                        "queueManagers[0].kind: duplicate key"),
                bad("duplicate-partner-channel",
                        "channelPartners[1].channel: duplicate channel 'QM1.TO.BANK' of QM1 (first at channelPartners[0].channel)"),
                bad("duplicate-queue-manager-name",
                        "queueManagers[1].name: duplicate queue manager name 'QM1' (first at queueManagers[0].name)"),
                bad("duplicate-site-name",
                        "sites[2].name: duplicate site name 'east' (first at sites[0].name)"),
                bad("empty-file",
                        "the file is empty; expected sites, hosts, queueManagers, clusters, channelPartners"),
                bad("empty-hosts",
                        "hosts: is empty; the inventory needs at least one host (and 1 more problem)"),
                bad("host-address-bad-ipv4",
                        "hosts[0].address: '10.0.300.1' is not a valid host name or IPv4 address"),
                bad("host-address-command-substitution",
                        "hosts[0].address: '$(reboot)' contains a shell metacharacter '$'"),
                bad("host-address-not-a-host-name",
                        "hosts[0].address: 'mq_1.example.com' is not a valid host name or IPv4 address"),
                bad("host-name-with-dollar",
                        "hosts[0].name: 'mq$1' contains a shell metacharacter '$' (and 1 more problem)"),
                bad("kind-unknown",
                        "queueManagers[0].kind: 'rdqm' is not one of single, multi-instance, rdqm-dr, rdqm-ha, native-ha"),
                bad("listener-name-with-pipe",
                        "queueManagers[0].listener.name: 'LISTENER|TCP' contains a shell metacharacter '|'"),
                bad("listener-port-70000",
                        "queueManagers[0].listener.port: 70000 is out of range (1-65535)"),
                bad("listener-port-taken-on-host",
                        "queueManagers[1].listener.port: port 1414 on host mq1 is already the listener of QM1"),
                bad("local-tag",
                        "hosts[0].address: YAML tag '!foo' is not allowed; the inventory holds plain values only"),
                bad("merge-key",
                        "hosts[0].<<: unknown key; expected one of address, name, port, replicationAddress, site, sudo, user (and 1 more problem)"),
                bad("missing-queue-managers",
                        "queueManagers: required field is missing"),
                bad("missing-required-field",
                        "hosts[0].user: required field is missing"),
                bad("multi-instance-same-host-twice",
                        "queueManagers[0].hosts: a multi-instance queue manager needs two distinct hosts (active and standby); found: mq1, mq1"),
                bad("no-value",
                        "queueManagers[0].kind: has no value"),
                bad("partner-control-character",
                        "channelPartners[0].partner: contains a control character (U+0007)"),
                bad("pcf-transport-without-pcf",
                        "queueManagers[0].pcf: required with transport: pcf (at least pcf.channel)"),
                bad("pcf-without-channel",
                        "queueManagers[0].pcf.channel: required field is missing"),
                bad("pcf-without-pcf-transport",
                        "queueManagers[0].pcf: only used with transport: pcf"),
                bad("port-huge-number",
                        "queueManagers[0].listener.port: 123456789012 is out of range (1-65535)"),
                bad("port-not-a-number",
                        "hosts[0].port: expected a port number (1-65535), found 'abc'"),
                bad("queue-manager-name-49-characters",
                        "queueManagers[0].name: '" + "Q".repeat(49) + "' is 49 characters; IBM MQ allows at most 48"),
                bad("queue-manager-name-with-command",
                        "queueManagers[0].name: 'QM1;rm -rf /' contains a shell metacharacter ';'"),
                bad("queue-manager-name-with-hyphen",
                        "queueManagers[0].name: 'QM-1' has characters IBM MQ does not allow in a name (only A-Z a-z 0-9 . _ / %)"),
                bad("queue-manager-name-with-newline",
                        "queueManagers[0].name: 'QM\\n1' contains a shell metacharacter '\\n' (newline)"),
                bad("queue-manager-name-with-space",
                        "queueManagers[0].name: 'QM 1' contains a shell metacharacter ' ' (space)"),
                bad("rdqm-dr-backup-not-secondary",
                        "queueManagers[0].backup.host: the backup of an RDQM DR queue manager runs on its secondary node 'dr2', not 'mq3'"),
                bad("rdqm-dr-backup-other-name",
                        "queueManagers[0].backup.queueManager: the backup of an RDQM DR queue manager is its secondary instance, named 'QMDR' like the primary, not 'QMDR2'"),
                bad("rdqm-dr-node-without-replication-address",
                        "queueManagers[0].hosts[1]: node 'dr2' has no replicationAddress; an RDQM DR node needs one"),
                bad("rdqm-dr-one-node",
                        "queueManagers[0].hosts: an RDQM DR queue manager needs two distinct nodes (primary, then secondary); found: dr1"),
                bad("rdqm-dr-same-node-twice",
                        "queueManagers[0].hosts: an RDQM DR queue manager needs two distinct nodes (primary, then secondary); found: dr1, dr1"),
                bad("rdqm-dr-without-dr-replication",
                        "queueManagers[0].drReplication: required for an rdqm-dr queue manager"),
                bad("rdqm-ha-node-in-two-groups",
                        "queueManagers[1].hosts: node 'ha2' is in the RDQM HA group of QMHA1 (ha1, ha2, ha3); an HA node belongs to one group of three nodes, so QMHA2 must list the same three nodes"),
                bad("rdqm-ha-two-nodes",
                        "queueManagers[0].hosts: an RDQM HA queue manager needs three distinct nodes; found: mq1, mq2"),
                bad("native-ha-two-hosts", "queueManagers[0].hosts: a Native HA queue manager needs three distinct"
                        + " hosts (one per instance); found: mq1, mq2"),
                bad("native-ha-recovery-group-overlaps", "queueManagers[0].crossRegion.recoveryHosts[2]: host 'mq3'"
                        + " already runs an instance of the group 'EAST'"),
                bad("cross-region-on-single", "queueManagers[0].crossRegion: only used by a native-ha queue manager"),
                bad("replication-address-not-a-host",
                        "hosts[1].replicationAddress: '10.0.2.2.7' is not a valid host name or IPv4 address"),
                bad("replication-address-on-non-dr-host",
                        "hosts[1].replicationAddress: only used by RDQM DR nodes; no rdqm-dr queue manager runs on 'mq2'"),
                bad("single-with-two-hosts",
                        "queueManagers[0].hosts: a single queue manager runs on exactly one host; found: mq1, mq2"),
                bad("site-name-with-space",
                        "sites[1].name: 'New York' contains a shell metacharacter ' ' (space)"),
                bad("ssh-port-zero",
                        "hosts[0].port: 0 is out of range (1-65535)"),
                bad("sudo-yes",
                        "hosts[0].sudo: expected true or false, found 'yes'"),
                bad("tab-indentation",
                        "line 9, column 1: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                bad("ticket-template-backtick",
                        "channelPartners[0].firewallTicketTemplate: 'Allow {backupHost} to {drConname} for {channel}, incident `id`' contains a backtick (`), which a shell would run as a command"),
                bad("top-level-list",
                        "expected a mapping with the keys channelPartners, clusters, hosts, queueManagers, sites, found a list"),
                bad("transport-unknown",
                        "queueManagers[0].transport: 'ssh' is not one of mqsc-ssh, pcf"),
                bad("two-documents",
                        "line 12, column 1: YAML syntax error: expected a single document in the stream at line 1, column 1: but found another document"),
                bad("unknown-backup-host",
                        "queueManagers[0].backup.host: unknown host 'mq9'"),
                bad("unknown-cluster-member",
                        "clusters[0].fullRepositories[1]: unknown queue manager 'FR9'"),
                bad("unknown-host-site",
                        "hosts[1].site: unknown site 'north'"),
                bad("unknown-key",
                        "hosts[2].adress: unknown key; expected one of address, name, port, replicationAddress, site, sudo, user (and 1 more problem)"),
                bad("unknown-partner-queue-manager",
                        "channelPartners[0].queueManager: unknown queue manager 'QMX'"),
                bad("unknown-queue-manager-host",
                        "queueManagers[0].hosts[0]: unknown host 'mq9'"),
                bad("unknown-top-level-key",
                        "queuemanagers: unknown key; expected one of channelPartners, clusters, hosts, queueManagers, sites"),
                bad("user-not-a-user-name",
                        "hosts[0].user: 'Mqm' is not a valid user name"),
                bad("user-with-backtick",
                        "hosts[0].user: '`reboot`' contains a shell metacharacter '`'"),
                bad("wrong-type-list-for-text",
                        "queueManagers[0].name: expected text, found a list"),
                bad("wrong-type-mapping-for-list",
                        "sites: expected a list, found a mapping (and 2 more problems)"),
                bad("wrong-type-string-for-list",
                        "queueManagers[0].hosts: expected a list, found 'mq1'"),
                bad("yaml-syntax-error-indentation",
                        "line 9, column 4: YAML syntax error: while parsing a block collection at line 8, column 3: expected <block end>, but found '<block mapping start>'"),
                bad("yaml-syntax-error",
                        "line 11, column 13: YAML syntax error: while parsing a flow sequence at line 10, column 12: expected ',' or ']', but got :")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInventories")
    void refusesWithOneLineNamingFileAndPath(String name, String expected) {
        Path file = BAD.resolve(name + ".yaml");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("Inventory " + file.toAbsolutePath().normalize() + ": " + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void everyBadFileHasItsExpectedMessage() throws IOException {
        List<String> named = badInventories().map(a -> (String) a.get()[0]).sorted().toList();
        try (Stream<Path> files = Files.list(BAD)) {
            List<String> present = files.map(f -> f.getFileName().toString().replaceFirst("\\.yaml$", ""))
                    .sorted().toList();
            assertThat(present).isEqualTo(named);
        }
    }

    private static Arguments bad(String name, String expected) {
        return Arguments.of(name, expected);
    }
}
