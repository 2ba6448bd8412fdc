package io.mqrunbooks.estate;

import java.util.List;

/**
 * The inventory cannot be used. The message is one line: the file, the path inside it and the first
 * problem in document order, then how many more there are; {@link #problems()} lists them all.
 */
public class InventoryException extends RuntimeException {

    private final String source;
    private final List<InventoryProblem> problems;

    public InventoryException(String source, List<InventoryProblem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private InventoryException(String message) {
        super(message);
        this.source = null;
        this.problems = List.of();
    }

    /** The property that names the inventory is not set at all. */
    public static InventoryException notConfigured() {
        return new InventoryException(
                "mqrunbooks.inventory is not set: point it at your estate YAML (docs/inventory.md)");
    }

    /** The file or classpath resource, as named to the loader; null when no inventory was named. */
    public String source() {
        return source;
    }

    /** Every problem found, in document order; empty when no inventory was named. */
    public List<InventoryProblem> problems() {
        return problems;
    }

    private static String message(String source, List<InventoryProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an inventory exception needs at least one problem");
        }
        String message = "Inventory " + source + ": " + problems.get(0);
        int more = problems.size() - 1;
        if (more > 0) {
            message += " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
        }
        return message;
    }
}
