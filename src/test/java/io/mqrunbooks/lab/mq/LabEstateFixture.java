package io.mqrunbooks.lab.mq;

import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.ChannelPartner;
import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.DrReplication;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import java.util.ArrayList;
import java.util.List;

/** The Estate of src/main/resources/lab/lab-estate.yaml, built in Java (the YAML loader is separate). */
public final class LabEstateFixture {

    private LabEstateFixture() {
    }

    public static Estate labEstate() {
        List<Host> hosts = new ArrayList<>();
        hosts.add(new Host("dr1", "127.0.0.1", 22101, "mqm", true, "east", "127.0.2.14"));
        hosts.add(new Host("dr2", "127.0.0.1", 22102, "mqm", true, "west", "127.0.2.15"));
        String[][] plain = {
            {"mqeast1", "22103", "east"}, {"mqwest1", "22104", "west"}, {"mqeast2", "22105", "east"},
            {"mqwest2", "22106", "west"}, {"mqeast3", "22107", "east"}, {"mqwest3", "22108", "west"},
            {"fr1", "22109", "east"}, {"fr2", "22110", "west"}, {"pr1", "22111", "east"}, {"pr2", "22112", "east"},
            {"pr3", "22113", "west"}, {"mi1", "22114", "east"}, {"mi2", "22115", "east"},
            {"partner1", "22116", "partners"}};
        for (String[] h : plain) {
            hosts.add(new Host(h[0], "127.0.0.1", Integer.parseInt(h[1]), "mqm", false, h[2], null));
        }
        List<QueueManager> qms = List.of(
                qm("QMDR", QueueManagerKind.RDQM_DR, List.of("dr1", "dr2"), 1502, new DrReplication(7001, false),
                        new Backup("QMDR", "dr2", BackupLevel.HOT)),
                qm("QM1", QueueManagerKind.SINGLE, List.of("mqeast1"), 1414, null,
                        new Backup("QM1", "mqwest1", BackupLevel.WARM)),
                qm("QM2", QueueManagerKind.SINGLE, List.of("mqeast2"), 1424, null,
                        new Backup("QM2_DR", "mqwest2", BackupLevel.WARM)),
                qm("QM3", QueueManagerKind.SINGLE, List.of("mqeast3"), 1434, null,
                        new Backup("QM3", "mqwest3", BackupLevel.COLD)),
                qm("FR1", QueueManagerKind.SINGLE, List.of("fr1"), 1441, null, null),
                qm("FR2", QueueManagerKind.SINGLE, List.of("fr2"), 1442, null, null),
                qm("PR1", QueueManagerKind.SINGLE, List.of("pr1"), 1451, null, null),
                qm("PR2", QueueManagerKind.SINGLE, List.of("pr2"), 1452, null, null),
                qm("PR3", QueueManagerKind.SINGLE, List.of("pr3"), 1453, null, null),
                qm("MIQM", QueueManagerKind.MULTI_INSTANCE, List.of("mi1", "mi2"), 1461, null, null),
                qm("BANKGW", QueueManagerKind.SINGLE, List.of("partner1"), 1471, null, null));
        List<ChannelPartner> partners = List.of(
                new ChannelPartner("Bank of Example", "Payments Operations, +44 20 7946 0000, mq-ops@bank.example",
                        "QM1", "QM1.TO.BANK", "127.0.0.1(1471)", "Allow TCP from {backupHost} to {drConname}"),
                new ChannelPartner("Card Processor", "Card Ops duty manager, +44 20 7946 0001",
                        "QM1", "QM1.TO.CARDS", "127.0.0.1(1471)", "Open {backupHost} -> {drConname} for {channel}"),
                new ChannelPartner("Bank of Example", "Payments Operations, +44 20 7946 0000, mq-ops@bank.example",
                        "QM2", "QM2.TO.BANK", "127.0.0.1(1471)", "Allow TCP from {backupHost} to {drConname}"));
        return new Estate(
                List.of(new Site("east"), new Site("west"), new Site("partners")),
                hosts,
                qms,
                List.of(new Cluster("PAYCLUS", List.of("FR1", "FR2"), List.of("PR1", "PR2", "PR3"))),
                partners);
    }

    private static QueueManager qm(String name, QueueManagerKind kind, List<String> hosts, int port,
                                   DrReplication dr, Backup backup) {
        return new QueueManager(name, kind, hosts, "LISTENER.TCP", port, Transport.MQSC_SSH, null, dr, backup);
    }
}
