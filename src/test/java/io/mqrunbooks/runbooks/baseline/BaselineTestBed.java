package io.mqrunbooks.runbooks.baseline;

import io.mqrunbooks.adapter.inbound.camunda.baseline.BaselinePrimaries;
import io.mqrunbooks.adapter.inbound.camunda.baseline.CompareBackupDelegate;
import io.mqrunbooks.adapter.inbound.camunda.baseline.ExportPrimaryDefinitionsDelegate;
import io.mqrunbooks.adapter.inbound.camunda.baseline.LevelBackupDelegate;
import io.mqrunbooks.adapter.inbound.camunda.baseline.RecordPrimaryResultDelegate;
import io.mqrunbooks.adapter.inbound.camunda.baseline.SelectPrimariesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.baseline.VerifyBackupLevelDelegate;
import io.mqrunbooks.adapter.outbound.persistence.baseline.JdbcBaselineStore;
import io.mqrunbooks.application.baseline.BaselineSchedule;
import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import io.mqrunbooks.testsupport.H2BaselineStore;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.Mockito;

/** The baseline runbook's application over mocked MQ ports, the lab inventory and a fresh H2 store. */
final class BaselineTestBed {

    final Estate estate = labEstate();
    final MqAdminPort admin = Mockito.mock(MqAdminPort.class);
    final MqControlPort control = Mockito.mock(MqControlPort.class);
    final JdbcBaselineStore store;
    final BaselineService service;

    BaselineTestBed(String database) {
        store = H2BaselineStore.fresh(database);
        service = new BaselineService(estate, admin, control, store);
    }

    static Estate labEstate() {
        try (var in = new InputStreamReader(Objects.requireNonNull(
                BaselineTestBed.class.getResourceAsStream("/lab/lab-estate.yaml")), StandardCharsets.UTF_8)) {
            return new InventoryLoader().load("lab-estate.yaml", in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Registers the process's beans for the engine's mock expression manager; call before deployment. */
    void registerBeans() {
        Mocks.register("baselineSchedule", new BaselineSchedule(BaselineSchedule.NIGHTLY));
        Mocks.register("baselinePrimaries", new BaselinePrimaries());
        Mocks.register("selectPrimariesDelegate", new SelectPrimariesDelegate(service));
        Mocks.register("exportPrimaryDefinitionsDelegate", new ExportPrimaryDefinitionsDelegate(service));
        Mocks.register("compareBackupDelegate", new CompareBackupDelegate(service));
        Mocks.register("levelBackupDelegate", new LevelBackupDelegate(service, RunbookTestEngine.RECORDS));
        Mocks.register("verifyBackupLevelDelegate", new VerifyBackupLevelDelegate(service));
        Mocks.register("recordPrimaryResultDelegate", new RecordPrimaryResultDelegate(RunbookTestEngine.RECORDS));
    }

    void status(String host, String queueManager, QmStatus status) {
        Mockito.when(control.status(host, queueManager)).thenReturn(new QueueManagerState(host, queueManager, status,
                List.of()));
    }
}
