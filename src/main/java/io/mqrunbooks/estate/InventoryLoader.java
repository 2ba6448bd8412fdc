package io.mqrunbooks.estate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the estate inventory (docs/inventory.md) and validates it completely before anything may act on
 * it. The YAML is only composed into plain nodes, never constructed into objects, so no tag can
 * instantiate a class; size, alias and nesting limits stop hostile files early.
 */
public final class InventoryLoader {

    /** A real estate's inventory is a few hundred kilobytes at most. */
    static final int MAX_CODE_POINTS = 1024 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_NESTING = 20;

    /** Loads a file; the message of any error names its absolute path. */
    public Estate load(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(source, reader);
        } catch (NoSuchFileException e) {
            throw new InventoryException(source, List.of(new InventoryProblem("", "file not found")));
        } catch (IOException e) {
            throw new InventoryException(source, List.of(new InventoryProblem("",
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
    }

    /** Loads YAML from a reader, e.g. a classpath resource; {@code sourceName} names it in messages. */
    public Estate load(String sourceName, Reader yaml) {
        Node root;
        try {
            root = yaml().compose(yaml);
        } catch (MarkedYAMLException e) {
            throw new InventoryException(sourceName, List.of(syntaxProblem(e)));
        } catch (YAMLException e) {
            throw new InventoryException(sourceName, List.of(new InventoryProblem("",
                    "cannot be read as YAML: " + firstLine(e.getMessage()))));
        }
        return InventoryReader.read(sourceName, root);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // Composing never instantiates anything; letting every tag through here lets the reader reject a
        // non-plain tag with a message naming its path instead of a generic composer error.
        options.setTagInspector(tag -> true);
        return new Yaml(new SafeConstructor(options));
    }

    private static InventoryProblem syntaxProblem(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        String context = "";
        if (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark) {
            context = e.getContext() + " at " + position(e.getContextMark()) + ": ";
        }
        return new InventoryProblem(mark == null ? "" : position(mark), "YAML syntax error: " + context + problem);
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
