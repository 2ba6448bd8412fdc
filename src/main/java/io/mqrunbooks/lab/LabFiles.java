package io.mqrunbooks.lab;

import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.ChannelPartner;
import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** The files an SSH client, Ansible or the engine needs to reach the running lab. */
final class LabFiles {

    private LabFiles() {
    }

    /** OpenSSH known_hosts: {@code [127.0.0.1]:PORT type base64} for every host, in inventory order. */
    static String knownHosts(Estate effective, Map<String, PublicKey> hostKeys) {
        StringBuilder text = new StringBuilder("# mq-runbooks lab estate: the host key of every lab host\n");
        for (Host host : effective.hosts()) {
            String name = host.port() == 22 ? host.address() : "[" + host.address() + "]:" + host.port();
            text.append(name).append(' ').append(PublicKeyEntry.toString(hostKeys.get(host.name()))).append('\n');
        }
        return text.toString();
    }

    /** Ansible INI inventory: one group per site, every host with the lab's key and known_hosts. */
    static String ansibleInventory(Estate effective, Path clientKey, Path knownHosts) {
        StringBuilder text = new StringBuilder("# mq-runbooks lab estate: ansible -i this-file all -m raw -a dspmq\n");
        String sshArgs = "-o UserKnownHostsFile=" + knownHosts.toAbsolutePath()
                + " -o StrictHostKeyChecking=yes";
        for (Site site : effective.sites()) {
            List<Host> hosts = effective.hosts().stream().filter(h -> h.site().equals(site.name())).toList();
            text.append('[').append(site.name()).append("]\n");
            for (Host host : hosts) {
                text.append(host.name())
                        .append(" ansible_host=").append(host.address())
                        .append(" ansible_port=").append(host.port())
                        .append(" ansible_user=").append(host.user())
                        .append(" ansible_ssh_private_key_file=").append(clientKey.toAbsolutePath())
                        .append(" ansible_ssh_common_args='").append(sshArgs).append("'\n");
            }
            text.append('\n');
        }
        text.append("[lab:children]\n");
        effective.sites().forEach(site -> text.append(site.name()).append('\n'));
        return text.toString();
    }

    /** The inventory in the docs/inventory.md format, with the ports the lab really listens on. */
    static String inventoryYaml(Estate estate) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sites", estate.sites().stream().map(s -> map("name", s.name())).toList());
        root.put("hosts", estate.hosts().stream().map(LabFiles::host).toList());
        root.put("queueManagers", estate.queueManagers().stream().map(LabFiles::queueManager).toList());
        root.put("clusters", estate.clusters().stream().map(LabFiles::cluster).toList());
        root.put("channelPartners", estate.channelPartners().stream().map(LabFiles::partner).toList());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return "# The lab estate's effective inventory: the ports it listens on now.\n"
                + new Yaml(options).dump(root);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> host(Host host) {
        Map<String, Object> map = map("name", host.name(), "address", host.address(), "port", host.port(),
                "user", host.user(), "sudo", host.sudo(), "site", host.site());
        if (host.replicationAddress() != null) {
            map.put("replicationAddress", host.replicationAddress());
        }
        return map;
    }

    private static Map<String, Object> queueManager(QueueManager qm) {
        Map<String, Object> map = map("name", qm.name(), "kind", qm.kind().yamlName(),
                "hosts", new ArrayList<>(qm.hosts()),
                "listener", map("name", qm.listenerName(), "port", qm.listenerPort()),
                "transport", qm.transport().yamlName());
        if (qm.pcf() != null) {
            Map<String, Object> pcf = map("channel", qm.pcf().channel());
            if (qm.pcf().cipherSpec() != null) {
                pcf.put("cipherSpec", qm.pcf().cipherSpec());
            }
            map.put("pcf", pcf);
        }
        if (qm.drReplication() != null) {
            map.put("drReplication", map("port", qm.drReplication().port(),
                    "mode", qm.drReplication().synchronous() ? "sync" : "async"));
        }
        Backup backup = qm.backup();
        if (backup != null) {
            map.put("backup", map("queueManager", backup.queueManager(), "host", backup.host(),
                    "level", backup.level().yamlName()));
        }
        return map;
    }

    private static Map<String, Object> cluster(Cluster cluster) {
        return map("name", cluster.name(), "fullRepositories", new ArrayList<>(cluster.fullRepositories()),
                "partialRepositories", new ArrayList<>(cluster.partialRepositories()));
    }

    private static Map<String, Object> partner(ChannelPartner partner) {
        return map("partner", partner.partner(), "contact", partner.contact(), "queueManager", partner.queueManager(),
                "channel", partner.channel(), "drConname", partner.drConname(),
                "firewallTicketTemplate", partner.firewallTicketTemplate());
    }

    /** A mapping of the keys and values given in turn, in that order (YAML keeps it). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
