package io.mqrunbooks.lab;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Joins the lab's SSH side to two classes written on other branches at the same time: the inventory
 * loader ({@code io.mqrunbooks.estate.InventoryLoader.load(Path)}) and the simulated MQ installation
 * ({@code new io.mqrunbooks.lab.mq.SimulatedMqEstate(Estate, Clock)}). It reaches them reflectively so that
 * this branch builds on its own; once all are merged, these two methods become direct calls.
 */
public final class LabWiring {

    static final String SIMULATED_MQ = "io.mqrunbooks.lab.mq.SimulatedMqEstate";

    private LabWiring() {
    }

    /** Loads and validates an inventory file; the loader's own error (file, path, problem) passes through. */
    public static Estate loadInventory(Path file) {
        return new InventoryLoader().load(file);
    }

    /** The simulated IBM MQ installation of every lab host. */
    public static LabCommandHandler simulatedMq(Estate estate, Clock clock) {
        try {
            return (LabCommandHandler) type(SIMULATED_MQ).getConstructor(Estate.class, Clock.class)
                    .newInstance(estate, clock);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This build's " + SIMULATED_MQ + " has no constructor (Estate, Clock)", e);
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("This build has no " + name + "; the lab cannot start without it", e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause.getMessage(), cause);
    }
}
