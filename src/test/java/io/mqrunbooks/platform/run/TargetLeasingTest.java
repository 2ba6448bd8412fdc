package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.estate.Host;
import io.mqrunbooks.testsupport.InMemoryTargetLeases;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Leases on the machine a host is: two inventory hosts with one address are one machine. */
class TargetLeasingTest {

    private static final Map<String, Host> INVENTORY = Map.of(
            "mq1", host("mq1", "10.0.4.21", 22),
            "mq1-b", host("mq1-b", "MQ1.bank.example", 22),
            "mq1-c", host("mq1-c", "mq1.bank.example", 22),
            "mq2", host("mq2", "10.0.4.22", 22),
            "lab1", host("lab1", "127.0.0.1", 22101),
            "lab2", host("lab2", "127.0.0.1", 22102));

    private final InMemoryTargetLeases leases = new InMemoryTargetLeases();
    private final TargetLeasing leasing = new TargetLeasing(leases,
            name -> Optional.ofNullable(INVENTORY.get(name)).map(TargetLeasing::machine));

    @Test
    void twoHostNamesWithOneAddressAndPortAreOneMachineWhateverTheCase() {
        RunRecord onQma = run("run-a", "QMA", "mq1-b", null);
        leasing.lease(onQma, "run-a", "CHG-1", id -> true);
        assertThat(leases.holder("address:mq1.bank.example:22")).get().extracting(TargetLease::runId)
                .isEqualTo("run-a");

        assertThatThrownBy(() -> leasing.lease(run("run-b", "QMB", "mq1-c", "lead"), "run-b", "CHG-2", id -> true))
                .isInstanceOf(TargetHeldException.class)
                .hasMessageStartingWith("Run of rdqmSwitchoverProcess not started: the machine at mq1.bank.example:22"
                        + " is held by run run-a (rdqmSwitchoverProcess, CHG-1), started by the schedule (a timer) at"
                        + " 2026-12-08 01:00 UTC.")
                .hasMessageEndingWith("abort it on its run page (/runs/run-a; an MQ operator may abort a run the"
                        + " schedule started), then start again.");
        // (The refused start's transaction rolls its other leases back: TargetLeaseTest, on the database.)
    }

    @Test
    void hostsOnOtherAddressesOrOtherPortsAreOtherMachines() {
        leasing.lease(run("run-a", "QMA", "mq1", "lead"), "run-a", "CHG-1", id -> true);
        leasing.lease(run("run-b", "QMB", "mq2", "lead"), "run-b", "CHG-2", id -> true);
        // The lab (an SSH tunnel, a NAT gateway) reaches several hosts on one address: the port tells them apart.
        leasing.lease(run("run-c", "QMC", "lab1", "lead"), "run-c", "CHG-3", id -> true);
        leasing.lease(run("run-d", "QMD", "lab2", "lead"), "run-d", "CHG-4", id -> true);

        assertThat(leases.holder("address:10.0.4.21:22")).get().extracting(TargetLease::runId).isEqualTo("run-a");
        assertThat(leases.holder("address:10.0.4.22:22")).get().extracting(TargetLease::runId).isEqualTo("run-b");
        assertThat(leases.holder("address:127.0.0.1:22101")).get().extracting(TargetLease::runId).isEqualTo("run-c");
        assertThat(leases.holder("address:127.0.0.1:22102")).get().extracting(TargetLease::runId).isEqualTo("run-d");
        assertThat(leasing.targets(new RunScope(Set.of("QMA"), Set.of("mq1", "unknown-host"))))
                .as("a host the inventory lacks is leased by its name only")
                .containsExactly("queueManager:QMA", "host:mq1", "host:unknown-host", "address:10.0.4.21:22");
    }

    private static RunRecord run(String runId, String queueManager, String host, String initiator) {
        return new RunRecord(runId, "rdqmSwitchoverProcess", null, initiator, Instant.parse("2026-12-08T01:00:00Z"),
                Map.of("queueManager", queueManager), new RunScope(Set.of(queueManager), Set.of(host)), "hash");
    }

    private static Host host(String name, String address, int port) {
        return new Host(name, address, port, "mqm", false, "east", null);
    }
}
