package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the simulation's layout rules against real IBM MQ output kept in src/test/resources/mq-transcripts:
 * every attribute block of a real DISPLAY response, re-laid out by the lab, must come out line for line the same.
 */
class TranscriptLayoutTest extends LabTestSupport {

    private static final Pattern ITEM = Pattern.compile("([A-Z]+)(\\(((?:[^()]|\\([^()]*\\))*)\\))?");

    private static List<String> transcript(String name) throws IOException {
        try (InputStream in = TranscriptLayoutTest.class.getResourceAsStream("/mq-transcripts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** The attribute blocks (lines after an AMQnnnnI header that start with three spaces). */
    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.matches("AMQ\\d{4}I: Display .*")) {
                current = new ArrayList<>();
                blocks.add(current);
            } else if (current != null && line.matches("   [A-Z].*")) {
                current.add(line);
            } else {
                current = null;
            }
        }
        return blocks;
    }

    private static Map<String, String> items(List<String> block) {
        Map<String, String> items = new LinkedHashMap<>();
        for (String line : block) {
            Matcher m = ITEM.matcher(line);
            while (m.find()) {
                String value = m.group(2) == null ? null : m.group(3).equals(" ") ? "" : m.group(3);
                items.put(m.group(1), value);
            }
        }
        return items;
    }

    @Test
    void attributeBlocksOfRealDisplayOutputAreLaidOutTheSame() throws IOException {
        int checked = 0;
        for (String file : List.of("display-qmgr-9.4.txt", "display-channel-listener-9.4.txt", "cluster.txt")) {
            for (List<String> block : blocks(transcript(file))) {
                assertThat(MqscText.layout(items(block))).as(file).containsExactlyElementsOf(block);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void dspmqAndRdqmstatusColumnsMatchTheRealOnes() throws IOException {
        List<String> real = transcript("dspmq.txt").stream().filter(l -> l.startsWith("QMNAME(")).toList();
        assertThat(real).isNotEmpty().allSatisfy(l -> assertThat(l.indexOf("STATUS(")).isEqualTo(58));
        assertThat(run("mqeast1", "dspmq").stdout().indexOf("STATUS(")).isEqualTo(58);
        List<String> summary = transcript("rdqm.txt").stream().filter(l -> l.startsWith("DRBD version:")).toList();
        String simulated = lines(root("dr1", "rdqmstatus").stdout()).stream()
                .filter(l -> l.startsWith("DRBD version:")).findFirst().orElseThrow();
        assertThat(simulated.indexOf("9.")).isEqualTo(summary.get(0).indexOf("9."));
    }
}
