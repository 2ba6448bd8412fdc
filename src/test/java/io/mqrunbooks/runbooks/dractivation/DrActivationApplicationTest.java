package io.mqrunbooks.runbooks.dractivation;

import static org.mockito.ArgumentMatchers.eq;
import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.baseline.LevelPlan;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.mq.ObjectKey;
import io.mqrunbooks.application.dractivation.ActivationRequestException;
import io.mqrunbooks.application.dractivation.ActivationRequests;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.ActivationTimeline;
import io.mqrunbooks.application.dractivation.ClientChannelTable;
import io.mqrunbooks.application.dractivation.DrainWatch;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DR activation's application services on their own: parsing, comparing, the CCDT, tickets, timeline. */
class DrActivationApplicationTest {

    static final Estate LAB = DrActivationRig.labEstate();

    final ActivationRequests requests = new ActivationRequests(LAB);

    @Test
    void bothNamingPatternsResolveToTheBackupsOwnNameAndHost() {
        ActivationTarget sameName = requests.check("QM1", "flood", "INC-1", "lead", "APP.SVRCONN");
        assertThat(sameName).isEqualTo(new ActivationTarget("QM1", QueueManagerKind.SINGLE, "mqeast1", "QM1", "mqwest1",
                "127.0.0.1", BackupLevel.WARM, "LISTENER.TCP", 1414));
        ActivationTarget distinct = requests.check("QM2", "flood", "INC-1", "lead", "APP.SVRCONN");
        assertThat(distinct.backupQueueManager()).isEqualTo("QM2_DR");
        assertThat(distinct.backupHost()).isEqualTo("mqwest2");
        ActivationTarget hot = requests.check("QMDR", "flood", "INC-1", "lead", "APP.SVRCONN");
        assertThat(hot.primaryHost()).isEqualTo("dr1");
        assertThat(hot.backupHost()).isEqualTo("dr2");
        assertThat(hot.level()).isEqualTo(BackupLevel.HOT);
    }

    @Test
    void aBadRequestNamesWhatIsWrong() {
        assertThatThrownBy(() -> requests.check("FR1", "flood", "INC-1", "lead", "APP.SVRCONN"))
                .isInstanceOf(ActivationRequestException.class)
                .hasMessage("Queue manager 'FR1' has no DR backup in the inventory (queueManagers[].backup)");
        assertThatThrownBy(() -> requests.check("QM1;reboot", "flood", "INC-1", "lead", "APP.SVRCONN"))
                .hasMessage("Queue manager 'QM1;reboot' has characters IBM MQ does not allow in a name (only A-Z a-z 0-9 . _ / %)");
        assertThatThrownBy(() -> requests.check("QM1", "flood", "INC 1", "lead", "APP.SVRCONN"))
                .hasMessage("Incident reference 'INC 1' is not a reference: 1-64 of A-Z a-z 0-9 . _ / -, starting with a letter or digit");
        assertThatThrownBy(() -> requests.check("QM1", " ", "INC-1", "lead", "APP.SVRCONN"))
                .hasMessage("Reason is empty");
        assertThatThrownBy(() -> requests.check("QM1", "flood", "INC-1", "lead", "APP.SVRCONN.FOR.PAYMENTS"))
                .hasMessage("Client channel 'APP.SVRCONN.FOR.PAYMENTS' is 24 characters; IBM MQ channel names allow at most 20");
    }

    @Test
    void readsTheLabsDmpmqcfgExportAndFindsTheWarmBackupsDeliberateLag() {
        SimulatedMqEstate lab = new SimulatedMqEstate(LAB, Clock.systemUTC());
        LabExecution primary = lab.execute("mqeast1", "mqm", List.of("dmpmqcfg", "-m", "QM1"), "");
        assertThat(primary.exitCode()).isZero();
        // the backup is ended in the lab; start it to export it, as the runbook does
        assertThat(lab.execute("mqwest1", "mqm", List.of("strmqm", "QM1"), "").exitCode()).isZero();
        lab.execute("mqeast1", "mqm", List.of("endmqm", "-i", "QM1"), "");
        LabExecution backup = lab.execute("mqwest1", "mqm", List.of("dmpmqcfg", "-m", "QM1"), "");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();

        MqscDefinitions baseline = MqscParser.parse(primary.stdout());
        assertThat(baseline.objects()).extracting(o -> o.key().display())
                .contains("QLOCAL('PAYMENT.IN')", "QLOCAL('PAYMENT.NEW')", "CHANNEL('QM1.TO.BANK')", "LISTENER('LISTENER.TCP')");
        MqscObject sender = baseline.channel("QM1.TO.BANK").orElseThrow();
        assertThat(sender.value("CHLTYPE")).isEqualTo("SDR");
        assertThat(sender.value("XMITQ")).isEqualTo("QM1.TO.BANK.XMIT");

        LevelPlan plan = LevelPlan.of(MqscParser.parse(primary.stdout()), MqscParser.parse(backup.stdout()));
        assertThat(plan.toApply()).extracting(o -> o.key().display()).containsExactly("QLOCAL('PAYMENT.NEW')");
    }

    @Test
    void parsesContinuationsCommentsQuotesAndRefusesWhatItDoesNotKnow() {
        // Layout as dmpmqcfg writes it (IBM MQ 9.4 docs, dmpmqcfg; header as in docs/lab.md's transcript source)
        String script = """
                *******************************************************************************
                * Script generated on 2026-11-21   at 06.00.00
                *******************************************************************************
                ALTER QMGR +
                   DESCR('hub') +
                   FORCE
                DEFINE QLOCAL('PAY.IN') +
                *  ALTDATE(2026-11-20) +
                   DESCR('it''s (the) in queue') +
                   MAXDEPTH(5000) +
                   REPLACE
                DEFINE CHANNEL('TO.BANK') CHLTYPE(SDR) CONNAME('gw(1414)') -
                 XMITQ('BANK.XMIT') REPLACE
                """;
        MqscDefinitions definitions = MqscParser.parse(script);
        assertThat(definitions.objects()).extracting(o -> o.key().display())
                .containsExactly("QMGR", "QLOCAL('PAY.IN')", "CHANNEL('TO.BANK')");
        MqscObject queue = definitions.find(new ObjectKey("QLOCAL", "PAY.IN")).orElseThrow();
        assertThat(queue.attributes()).isEqualTo(Map.of("DESCR", "'it''s (the) in queue'", "MAXDEPTH", "5000"));
        assertThat(queue.value("DESCR")).isEqualTo("it's (the) in queue");
        assertThat(definitions.channel("TO.BANK").orElseThrow().value("XMITQ")).isEqualTo("BANK.XMIT");

        assertThatThrownBy(() -> MqscParser.parse("DELETE QLOCAL('X')\n"))
                .hasMessage("MQSC line 1: 'DELETE' is not a definition command (a baseline holds DEFINE, ALTER QMGR, SET AUTHREC and SET CHLAUTH commands) in: DELETE QLOCAL('X')");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('X') DESCR('open)\n"))
                .hasMessage("MQSC line 1: a quoted string is not closed in: DEFINE QLOCAL('X') DESCR('open)");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('X') +\n"))
                .hasMessage("MQSC line 1: the command is continued with '+' or '-' but the script ends before it does in: DEFINE QLOCAL('X') +");
    }

    @Test
    void theCcdtEntryFollowsIbmsJsonSchema() {
        ActivationTarget target = requests.check("QM2", "flood", "INC-1", "lead", "APP.SVRCONN");
        assertThat(ClientChannelTable.forBackup(target, "APP.SVRCONN")).isEqualTo("""
                {
                  "channel" : [ {
                    "name" : "APP.SVRCONN",
                    "clientConnection" : {
                      "connection" : [ {
                        "host" : "127.0.0.1",
                        "port" : 1424
                      } ],
                      "queueManager" : "QM2_DR"
                    },
                    "type" : "clientConnection"
                  } ]
                }""");
    }

    @Test
    void partnerTasksCarryTheFilledInFirewallTicket() {
        ActivationTarget target = requests.check("QM1", "flood", "INC-4711", "lead", "APP.SVRCONN");
        List<PartnerChannels.PartnerTask> tasks = new PartnerChannels(LAB, new FakeMq().admin).tasks(target, "INC-4711");
        assertThat(tasks).extracting(PartnerChannels.PartnerTask::firewallTicket).containsExactly(
                "Allow TCP from 127.0.0.1 to 127.0.0.1(1471) for channel QM1.TO.BANK (DR of QM1, incident INC-4711)",
                "Open 127.0.0.1 -> 127.0.0.1(1471) for QM1.TO.CARDS; ref INC-4711");
        assertThat(tasks.get(0).summary()).isEqualTo("""
                Partner: Bank of Example
                Contact: Payments Operations, +44 20 7946 0000, mq-ops@bank.example
                Channel: QM1.TO.BANK (sender on QM1 on mqwest1)
                DR CONNAME: 127.0.0.1(1471)
                Firewall ticket: Allow TCP from 127.0.0.1 to 127.0.0.1(1471) for channel QM1.TO.BANK (DR of QM1, incident INC-4711)""");
    }

    @Test
    void aSenderAlreadyStartingIsNotStartedAgainButARetryingOneIs() {
        io.mqrunbooks.application.port.out.MqAdminPort admin =
                org.mockito.Mockito.mock(io.mqrunbooks.application.port.out.MqAdminPort.class);
        ActivationTarget target = requests.check("QM1", "flood", "INC-1", "lead", "APP.SVRCONN");
        org.mockito.Mockito.when(admin.exportDefinitions(target.backupQueueManager())).thenReturn(
                "DEFINE CHANNEL('QM1.TO.BANK') CHLTYPE(SDR) CONNAME('127.0.0.1(1471)') XMITQ('QM1.TO.BANK.XMIT')\n");
        PartnerChannels partners = new PartnerChannels(LAB, admin);
        // BINDING: the MCA holds the channel, so MQ would refuse a START with AMQ9514E (channel in use).
        org.mockito.Mockito.when(admin.channelStatus(target.backupQueueManager(), "QM1.TO.BANK")).thenReturn(List.of(
                new io.mqrunbooks.mq.ChannelStatus("QM1.TO.BANK", "SDR", "127.0.0.1(1471)", "BINDING", "QM1.TO.BANK.XMIT",
                        Map.of())));

        assertThat(partners.repointAndStart(target, List.of("QM1.TO.BANK")).done()).containsExactly(
                "QM1.TO.BANK: CONNAME already 127.0.0.1(1471)",
                "QM1.TO.BANK: START CHANNEL not sent, the channel is already started: STATUS(BINDING)");
        org.mockito.Mockito.verify(admin, org.mockito.Mockito.never()).run(org.mockito.ArgumentMatchers.any(), eq(ObjectCommand.START_CHANNEL), org.mockito.ArgumentMatchers.any());

        org.mockito.Mockito.when(admin.channelStatus(target.backupQueueManager(), "QM1.TO.BANK")).thenReturn(List.of(
                new io.mqrunbooks.mq.ChannelStatus("QM1.TO.BANK", "SDR", "127.0.0.1(1471)", "RETRYING", "QM1.TO.BANK.XMIT",
                        Map.of())));
        assertThat(partners.repointAndStart(target, List.of("QM1.TO.BANK")).done())
                .endsWith("QM1.TO.BANK: START CHANNEL");
        org.mockito.Mockito.verify(admin).run(target.backupQueueManager(), ObjectCommand.START_CHANNEL, "QM1.TO.BANK");
    }

    @Test
    void clusterChannelsCountOnlyWhenEveryFullRepositoryIsRunning() {
        io.mqrunbooks.application.port.out.MqAdminPort admin =
                org.mockito.Mockito.mock(io.mqrunbooks.application.port.out.MqAdminPort.class);
        ActivationTarget pr1 = new ActivationTarget("PR1", QueueManagerKind.SINGLE, "pr1", "PR1", "pr3", "127.0.0.1",
                BackupLevel.WARM, "LISTENER.TCP", 1451);
        io.mqrunbooks.application.dractivation.ClusterChannels cluster =
                new io.mqrunbooks.application.dractivation.ClusterChannels(LAB, admin);
        org.mockito.Mockito.when(admin.clusterQueueManagers("PR1", "*")).thenReturn(List.of(
                clusqmgr("FR1", "REPOS", "RUNNING"), clusqmgr("FR2", "REPOS", "RETRYING"), clusqmgr("PR1", "NORMAL", "RUNNING")));
        assertThat(cluster.check(pr1)).isEqualTo(new io.mqrunbooks.application.dractivation.BackupActivation.StepCheck(false,
                "Cluster PAYCLUS: FR1 (TO.FR1) RUNNING, FR2 (TO.FR2) RETRYING"));
        org.mockito.Mockito.when(admin.clusterQueueManagers("PR1", "*")).thenReturn(List.of(
                clusqmgr("FR1", "REPOS", "RUNNING"), clusqmgr("FR2", "REPOS", "RUNNING")));
        assertThat(cluster.check(pr1).done()).isTrue();
        assertThat(cluster.transmissionQueues(pr1)).containsExactly("SYSTEM.CLUSTER.TRANSMIT.QUEUE");
        ActivationTarget qm1 = requests.check("QM1", "flood", "INC-1", "lead", "APP.SVRCONN");
        assertThat(cluster.check(qm1).detail()).isEqualTo("QM1 is in no cluster: nothing to check");
        assertThat(cluster.transmissionQueues(qm1)).isEmpty();
    }

    static io.mqrunbooks.mq.ClusterQueueManager clusqmgr(String name, String type, String status) {
        return new io.mqrunbooks.mq.ClusterQueueManager(name, "PAYCLUS", "TO." + name, type, false,
                status, "127.0.0.1(1441)", Map.of());
    }

    @Test
    void drainRateAndPhaseDurations() {
        Instant t0 = Instant.parse("2026-11-21T06:00:00Z");
        List<DrainWatch.Sample> samples = List.of(new DrainWatch.Sample(t0, Map.of("X", 120), 120),
                new DrainWatch.Sample(t0.plusSeconds(30), Map.of("X", 60), 60));
        assertThat(DrainWatch.rate(samples)).isEqualTo(2.0);
        assertThat(DrainWatch.rate(samples.subList(0, 1))).isNull();

        Map<String, Instant> marks = new LinkedHashMap<>();
        marks.put("declared", t0);
        marks.put("assessed", t0.plusSeconds(2));
        marks.put("fenced", t0.plusSeconds(302));
        marks.put("backupRunning", t0.plusSeconds(330));
        marks.put("messageFlowProven", t0.plusMillis(331_500));
        assertThat(ActivationTimeline.summary(marks, t0.plusMillis(331_500), 2.0)).isEqualTo("""
                RTO (declaration to the first test message through the backup): 5m 31s
                Assess the primary: 2s
                Decision and fencing: 5m 0s
                Prepare and start the backup: 28s
                Test message: 1s
                Transmission queue drain rate: 2.00 messages/s""");
        assertThat(ActivationTimeline.words(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(ActivationTimeline.words(Duration.ofMinutes(63))).isEqualTo("1h 3m 0s");
    }
}
