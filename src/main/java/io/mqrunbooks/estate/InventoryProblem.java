package io.mqrunbooks.estate;

/**
 * One thing wrong with an inventory file.
 *
 * @param path    where in the file, e.g. {@code clusters[0].fullRepositories[1]}, or a line and column
 *                for a YAML syntax error; empty when the problem is the file as a whole
 * @param problem what is wrong, in words
 */
public record InventoryProblem(String path, String problem) {

    @Override
    public String toString() {
        return path.isEmpty() ? problem : path + ": " + problem;
    }
}
