package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/security.md's allow-list table is the guard's table, row for row (pipes escaped for Markdown). */
class EngineApiRulesDocTest {

    static String row(EngineApiRules.Rule rule) {
        return "| " + rule.methods().replace(",", ", ") + " | `" + rule.path().pattern().replace("|", "\\|") + "` | "
                + rule.groups().stream().sorted().map(g -> "`" + g + "`").collect(Collectors.joining(", "))
                + " | " + rule.what() + " |";
    }

    @Test
    void theDocumentedTableListsExactlyTheRules() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"));
        List<String> documented = doc.lines().filter(l -> l.startsWith("| ") && l.contains(" | `")
                && !l.startsWith("| `")).toList();

        assertThat(documented).containsExactlyElementsOf(EngineApiRules.RULES.stream().map(EngineApiRulesDocTest::row)
                .toList());
    }
}
