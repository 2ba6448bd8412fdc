package io.mqrunbooks.runbooks.dractivation;

import io.mqrunbooks.testsupport.RunbookTestEngine;
import io.mqrunbooks.application.versions.InstalledVersions;
import io.mqrunbooks.adapter.inbound.camunda.versions.ReadVersionsDelegate;
import io.mqrunbooks.adapter.inbound.camunda.dractivation.*;
import io.mqrunbooks.adapter.outbound.persistence.baseline.JdbcBaselineStore;
import io.mqrunbooks.application.dractivation.ActivationRequests;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.ClusterChannels;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.DrainWatch;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.testsupport.H2BaselineStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Builds the DR activation's services over a {@link FakeMq} and the lab inventory, and registers the delegates. */
final class DrActivationRig {

    /** A clock the test moves: polls and time limits follow it. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-21T06:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    static final DrActivationSettings SETTINGS = new DrActivationSettings(Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(1), 0, "MQRUNBOOKS.TEST", Duration.ofSeconds(1));

    final FakeMq mq = new FakeMq();
    final TestClock clock = new TestClock();
    final Estate estate = labEstate();
    /** The baseline store, in a fresh H2 database: the assessment keeps the primary's export there. */
    final JdbcBaselineStore baselines = H2BaselineStore.fresh("dractivation");

    static Estate labEstate() {
        return RunbookTestEngine.labEstate();
    }

    void register() {
        PrimaryFencing fencing = new PrimaryFencing(mq.control);
        BackupActivation backup = new BackupActivation(mq.control, mq.admin);
        ObjectBaseline baseline = new ObjectBaseline(mq.admin, baselines);
        PartnerChannels partners = new PartnerChannels(estate, mq.admin);
        ClusterChannels cluster = new ClusterChannels(estate, mq.admin);
        Mocks.register("recordDeclarationTimeListener", new RecordDeclarationTimeListener(clock));
        Mocks.register("preparePartnerTaskListener", new PreparePartnerTaskListener());
        Mocks.register("recordPartnerConfirmationListener", new RecordPartnerConfirmationListener(clock));
        Mocks.register("checkActivationRequestDelegate", new CheckActivationRequestDelegate(new ActivationRequests(estate), SETTINGS,
                RunbookTestEngine.WAITS));
        Mocks.register("readVersionsDelegate", new ReadVersionsDelegate(RunbookTestEngine.RECORDS,
                new InstalledVersions(estate, mq.control, RunbookTestEngine.bulletins())));
        Mocks.register("assessPrimaryDelegate", new AssessPrimaryDelegate(fencing, backup, baseline, clock));
        Mocks.register("recordDeclarationRejectionDelegate", new RecordDeclarationRejectionDelegate());
        Mocks.register("endPrimaryDelegate", new EndPrimaryDelegate(fencing, SETTINGS, clock));
        Mocks.register("checkPrimaryEndedDelegate", new CheckPrimaryEndedDelegate(fencing, SETTINGS, clock));
        Mocks.register("recheckPrimaryDelegate", new RecheckPrimaryDelegate(fencing, clock));
        Mocks.register("promoteBackupDelegate", new PromoteBackupDelegate(backup, SETTINGS, clock));
        Mocks.register("checkBackupPromotionDelegate", new CheckBackupPromotionDelegate(backup, SETTINGS, clock));
        Mocks.register("startBackupDelegate", new StartBackupDelegate(backup));
        Mocks.register("applyObjectBaselineDelegate", new ApplyObjectBaselineDelegate(baseline));
        Mocks.register("startBackupListenerDelegate", new StartBackupListenerDelegate(backup, SETTINGS, clock));
        Mocks.register("checkBackupRunningDelegate", new CheckBackupRunningDelegate(backup, SETTINGS, clock));
        Mocks.register("preparePartnerTasksDelegate", new PreparePartnerTasksDelegate(partners));
        Mocks.register("repointSenderChannelsDelegate", new RepointSenderChannelsDelegate(partners, SETTINGS, clock));
        Mocks.register("checkSenderChannelsDelegate", new CheckSenderChannelsDelegate(partners, clock));
        Mocks.register("skipSenderChannelsDelegate", new SkipSenderChannelsDelegate(partners, clock));
        Mocks.register("checkClusterChannelsDelegate", new CheckClusterChannelsDelegate(cluster, SETTINGS, clock));
        Mocks.register("proveMessageFlowDelegate", new ProveMessageFlowDelegate(new MessageFlowProof(mq.admin, clock), SETTINGS, clock));
        Mocks.register("sampleTransmissionQueuesDelegate", new SampleTransmissionQueuesDelegate(new DrainWatch(mq.admin), SETTINGS, clock));
        Mocks.register("extendDrainWaitDelegate", new ExtendDrainWaitDelegate(SETTINGS, clock));
        Mocks.register("produceClientChannelTableDelegate", new ProduceClientChannelTableDelegate(clock));
        Mocks.register("summariseActivationDelegate", new SummariseActivationDelegate(clock));
        Mocks.register("recordActivationAbortDelegate", new RecordActivationAbortDelegate());
    }
}
