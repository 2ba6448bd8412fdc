package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFilesTest {

    @TempDir
    Path data;

    private LabEstate lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = LabEstate.start(LabTestSupport.estate(), new FakeMqHandler(), data, LabOptions.ephemeral());
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    @Test
    void knownHostsHasOneOpenSshLinePerHostWithItsPortAndKey() throws Exception {
        String[] lines = Files.readString(data.resolve("lab/known_hosts")).split("\n");

        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("# mq-runbooks lab estate: the host key of every lab host");
        String[] hosts = {"dr1", "dr2", "mqeast1"};
        for (int i = 0; i < hosts.length; i++) {
            String[] fields = lines[i + 1].split(" ");
            assertThat(fields).hasSize(3);
            assertThat(fields[0]).isEqualTo("[127.0.0.1]:" + lab.port(hosts[i]));
            assertThat(fields[1]).isEqualTo("ecdsa-sha2-nistp256");
            assertThat(KeyUtils.getFingerPrint(PublicKeyEntry.parsePublicKeyEntry(fields[1] + " " + fields[2])
                    .resolvePublicKey(null, null, null))).isEqualTo(lab.hostKeyFingerprint(hosts[i]));
        }
    }

    @Test
    void ansibleInventoryGroupsHostsBySiteWithTheLabKeyAndKnownHosts() throws Exception {
        String key = data.resolve("lab/client_ed25519").toAbsolutePath().toString();
        String args = "ansible_ssh_common_args='-o UserKnownHostsFile="
                + data.resolve("lab/known_hosts").toAbsolutePath() + " -o StrictHostKeyChecking=yes'";

        assertThat(Files.readString(data.resolve("lab/ansible-inventory.ini"))).isEqualTo(
                "# mq-runbooks lab estate: ansible -i this-file all -m raw -a dspmq\n"
                        + "[east]\n"
                        + "dr1 ansible_host=127.0.0.1 ansible_port=" + lab.port("dr1")
                        + " ansible_user=mqm ansible_ssh_private_key_file=" + key + " " + args + "\n"
                        + "mqeast1 ansible_host=127.0.0.1 ansible_port=" + lab.port("mqeast1")
                        + " ansible_user=mqm ansible_ssh_private_key_file=" + key + " " + args + "\n"
                        + "\n"
                        + "[west]\n"
                        + "dr2 ansible_host=127.0.0.1 ansible_port=" + lab.port("dr2")
                        + " ansible_user=mqm ansible_ssh_private_key_file=" + key + " " + args + "\n"
                        + "\n"
                        + "[lab:children]\n"
                        + "east\n"
                        + "west\n");
    }

    @Test
    void effectiveInventoryIsWrittenInTheInventoryFormatWithTheRealPorts() throws Exception {
        assertThat(Files.readString(data.resolve("lab/inventory.yaml"))).isEqualTo("""
                # The lab estate's effective inventory: the ports it listens on now.
                sites:
                  - name: east
                  - name: west
                hosts:
                  - name: dr1
                    address: 127.0.0.1
                    port: %d
                    user: mqm
                    sudo: true
                    site: east
                    replicationAddress: 127.0.2.14
                  - name: dr2
                    address: 127.0.0.1
                    port: %d
                    user: mqm
                    sudo: true
                    site: west
                    replicationAddress: 127.0.2.15
                  - name: mqeast1
                    address: 127.0.0.1
                    port: %d
                    user: mqm
                    sudo: false
                    site: east
                queueManagers:
                  - name: QMDR
                    kind: rdqm-dr
                    hosts:
                      - dr1
                      - dr2
                    listener:
                      name: LISTENER.TCP
                      port: 1502
                    transport: mqsc-ssh
                    drReplication:
                      port: 7001
                      mode: async
                    backup:
                      queueManager: QMDR
                      host: dr2
                      level: hot
                  - name: QM1
                    kind: single
                    hosts:
                      - mqeast1
                    listener:
                      name: LISTENER.TCP
                      port: 1414
                    transport: mqsc-ssh
                clusters:
                  - name: PAYCLUS
                    fullRepositories:
                      - QM1
                    partialRepositories:
                      - QMDR
                channelPartners:
                  - partner: Bank of Example
                    contact: Payments Operations
                    queueManager: QM1
                    channel: QM1.TO.BANK
                    drConname: 127.0.0.1(1471)
                    firewallTicketTemplate: Allow {backupHost} to {drConname}
                """.formatted(lab.port("dr1"), lab.port("dr2"), lab.port("mqeast1")));
    }
}
