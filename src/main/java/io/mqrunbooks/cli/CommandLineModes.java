package io.mqrunbooks.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Command-line modes of the jar that run without the engine: {@code parse <kind> <file>} and
 * {@code lab ...}. Each mode registers itself here by name.
 */
public final class CommandLineModes {

    private static final Map<String, ToIntFunction<String[]>> MODES = new LinkedHashMap<>();

    static {
        register("parse", ParseMode::run);
        register("lab", LabMode::run);
    }

    private CommandLineModes() {
    }

    static void register(String name, ToIntFunction<String[]> mode) {
        MODES.put(name, mode);
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && MODES.containsKey(args[0]);
    }

    /** Runs the mode named by the first argument with the remaining arguments; returns the exit code. */
    public static int run(String[] args) {
        return MODES.get(args[0]).applyAsInt(Arrays.copyOfRange(args, 1, args.length));
    }
}
