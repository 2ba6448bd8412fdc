package io.mqrunbooks.lab;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import io.mqrunbooks.lab.mq.LabReplayClock;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.nio.file.Path;
import java.time.Clock;

/** Joins the lab's SSH side to the inventory loader and the simulated MQ installation. */
public final class LabWiring {

    private LabWiring() {
    }

    /** Loads and validates an inventory file; the loader's own error (file, path, problem) passes through. */
    public static Estate loadInventory(Path file) {
        return new InventoryLoader().load(file);
    }

    /** The simulated IBM MQ installation of every lab host, on a clock its recorded state can be replayed on. */
    public static LabCommandHandler simulatedMq(Estate estate, Clock clock) {
        return new SimulatedMqEstate(estate, clock instanceof LabReplayClock replayable ? replayable
                : new LabReplayClock(clock));
    }
}
