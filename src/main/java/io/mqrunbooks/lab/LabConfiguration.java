package io.mqrunbooks.lab;

import io.mqrunbooks.adapter.outbound.mq.pcf.PcfConnectionFactory;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.EstateConfiguration;
import io.mqrunbooks.estate.InventoryProperties;
import io.mqrunbooks.lab.control.LabControl;
import io.mqrunbooks.lab.mq.LabReplayClock;
import io.mqrunbooks.lab.mq.LabSeed;
import io.mqrunbooks.lab.mq.LabStateStore;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import io.mqrunbooks.lab.pcf.LabPcfConnectionFactory;
import io.mqrunbooks.lab.pcf.LabPcfRouting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ResourceLoader;

/**
 * The lab profile: starts the lab estate with the app and makes its effective inventory (the ports it
 * really listens on) the estate every runbook acts on. The SSH adapter's key and known_hosts settings
 * default to the lab's files through {@link LabSshClientDefaults}.
 *
 * <ul>
 *   <li>{@code mqrunbooks.lab.inventory}, {@code ephemeral-ports}, {@code pcf-queue-managers}: what the lab
 *       simulates and how it listens ({@link LabProperties})</li>
 *   <li>{@code mqrunbooks.lab.sync-rate-kb-per-second}, {@code revert-to-snapshot-time},
 *       {@code channel-messages-per-second}, {@code channel-bind-time}: the simulation's timing
 *       ({@link LabSimulationProperties})</li>
 *   <li>{@code mqrunbooks.data-dir}: keys, known_hosts and the journal go to {@code <data-dir>/lab/}</li>
 * </ul>
 * The lab's controls are at {@code /lab/control/...} and the page {@code /lab} (administrators only).
 */
@Configuration(proxyBeanMethods = false)
@Profile("lab")
@EnableConfigurationProperties({LabProperties.class, LabSimulationProperties.class, InventoryProperties.class})
public class LabConfiguration {

    /** The lab's inventory as written, before ports are assigned. */
    @Bean
    public LabInventory labInventory(LabProperties lab, InventoryProperties app, ResourceLoader resourceLoader) {
        return new LabInventory(EstateConfiguration.load(lab.inventoryOr(app.inventory()), resourceLoader));
    }

    /**
     * The simulated MQ installation of every lab host; its control API drives faults and drills. It runs on the system
     * clock, or on a test's {@link LabTimeBase}.
     */
    @Bean
    public SimulatedMqEstate labMq(LabInventory inventory, LabSimulationProperties simulation,
                                   ObjectProvider<LabTimeBase> timeBase) {
        Clock base = timeBase.getIfAvailable(() -> Clock::systemUTC).clock();
        return new SimulatedMqEstate(inventory.estate(), new LabReplayClock(base), simulation.toOptions(),
                LabSeed.standard());
    }

    /**
     * The lab's state kept with the runs' history: restored at start when {@code <data-dir>/lab/state.jsonl} was
     * written for this history database (the engine's installation id) and inventory, else started afresh
     * (docs/lab.md, "Across a restart"). Without an engine there is no history to keep it with: none.
     */
    @Bean
    public LabStateStore labStateStore(LabInventory inventory, SimulatedMqEstate labMq, LabEstate labEstate,
                                       ObjectProvider<ProcessEngine> engine) {
        ProcessEngine processEngine = engine.getIfAvailable();
        if (processEngine == null) {
            return null;
        }
        String historyId = processEngine.getManagementService().getProperties().get("camunda.installation.id");
        return LabStateStore.open(labEstate.labDir().resolve("state.jsonl"), historyId,
                LabStateStore.fingerprint(inventory.estate().toString()), labMq, labEstate.faults());
    }

    /** Ports chosen, nothing listening yet: {@link LabStartup} opens the listeners off the start-up's critical path. */
    @Bean(destroyMethod = "close")
    public LabEstate labEstate(LabInventory inventory, SimulatedMqEstate labMq,
                               @Value("${mqrunbooks.data-dir}") Path dataDir, LabProperties properties)
            throws IOException {
        LabOptions options = new LabOptions(properties.ephemeralPorts(), LabOptions.DEFAULT_COMMAND_THREADS);
        return LabEstate.prepare(inventory.estate(), labMq, dataDir, options);
    }

    @Bean
    public LabStartup labStartup(LabEstate labEstate) {
        return new LabStartup(labEstate);
    }

    /** The lab's controls (fail a host, cut a link, install a level, reset), for the lab page and harnesses. */
    @Bean
    public LabControl labControl(LabEstate lab, SimulatedMqEstate labMq) {
        return LabControl.of(lab, labMq);
    }

    /** Holds the written inventory without making it a second {@link Estate} bean. */
    public record LabInventory(Estate estate) {
    }

    /** The lab's inventory with the address and port each host really listens on, and the PCF routing asked for. */
    @Bean
    @Primary
    public Estate labEffectiveEstate(LabEstate lab, LabProperties properties) {
        return LabPcfRouting.routeOverPcf(lab.effectiveEstate(), properties.pcfQueueManagers());
    }

    /** In the lab, PCF reaches the simulated queue managers' command server instead of an MQ client channel. */
    @Bean
    @Primary
    public PcfConnectionFactory labPcfConnections(Estate labEffectiveEstate, SimulatedMqEstate labMq) {
        return new LabPcfConnectionFactory(() -> labEffectiveEstate, labMq);
    }

    @Bean
    public LabJournal labJournal(LabEstate lab) {
        return lab.journal();
    }

    @Bean
    public LabFaults labFaults(LabEstate lab) {
        return lab.faults();
    }
}
