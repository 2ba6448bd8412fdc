package io.mqrunbooks.lab;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.EstateConfiguration;
import io.mqrunbooks.lab.control.LabControlServer;
import io.mqrunbooks.lab.mq.LabSeed;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 *   <li>{@code mqrunbooks.lab.inventory}: the estate the lab simulates (default: {@code mqrunbooks.inventory},
 *       which the lab profile sets to {@code classpath:lab/lab-estate.yaml})</li>
 *   <li>{@code mqrunbooks.lab.ephemeral-ports}: listen on free ports instead of the inventory's (default false)</li>
 *   <li>{@code mqrunbooks.lab.sync-rate-kb-per-second}, {@code revert-to-snapshot-time},
 *       {@code channel-messages-per-second}, {@code channel-bind-time}: the simulation's timing
 *       ({@link LabSimulationProperties})</li>
 *   <li>{@code mqrunbooks.data-dir}: keys, known_hosts and the journal go to {@code <data-dir>/lab/}</li>
 *   <li>{@code mqrunbooks.lab.control-port}: when set, the lab's control endpoint listens there (0: a free
 *       port), as the standalone lab's does; unset (the default), there is none</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Profile("lab")
@EnableConfigurationProperties(LabSimulationProperties.class)
public class LabConfiguration {

    /** The lab's inventory as written, before ports are assigned. */
    @Bean
    public LabInventory labInventory(
            @Value("${mqrunbooks.lab.inventory:${mqrunbooks.inventory:classpath:lab/lab-estate.yaml}}") String location,
            ResourceLoader resourceLoader) {
        return new LabInventory(EstateConfiguration.load(location, resourceLoader));
    }

    /** The simulated MQ installation of every lab host; its control API drives faults and drills. */
    @Bean
    public SimulatedMqEstate labMq(LabInventory inventory, LabSimulationProperties simulation) {
        return new SimulatedMqEstate(inventory.estate(), Clock.systemUTC(), simulation.toOptions(), LabSeed.standard());
    }

    @Bean(destroyMethod = "close")
    public LabEstate labEstate(LabInventory inventory, SimulatedMqEstate labMq,
                               @Value("${mqrunbooks.data-dir}") Path dataDir,
                               @Value("${mqrunbooks.lab.ephemeral-ports:false}") boolean ephemeralPorts)
            throws IOException {
        LabOptions options = new LabOptions(ephemeralPorts, LabOptions.DEFAULT_COMMAND_THREADS);
        return LabEstate.start(inventory.estate(), labMq, dataDir, options);
    }

    /**
     * The control endpoint of docs/lab-standalone.md on the app's own lab, for a harness that drives the app
     * from outside (the bench's recovery drills): faults and the simulated MQ over HTTP on 127.0.0.1, with
     * the bearer token of {@code <data-dir>/lab/control-token}. Only when asked for.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("mqrunbooks.lab.control-port")
    public LabControlServer labControl(LabEstate lab, SimulatedMqEstate labMq,
                                       @Value("${mqrunbooks.lab.control-port}") int port) throws IOException {
        return LabControlServer.start(lab, labMq, port);
    }

    /** Holds the written inventory without making it a second {@link Estate} bean. */
    public record LabInventory(Estate estate) {
    }

    /** The lab's inventory with the address and port each host really listens on. */
    @Bean
    @Primary
    public Estate labEffectiveEstate(LabEstate lab) {
        return lab.effectiveEstate();
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
