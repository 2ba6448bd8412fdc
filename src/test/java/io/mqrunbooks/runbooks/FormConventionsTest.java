package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Forms never decide for the person: no decision is pre-selected, a comment or decision typed on one task is
 * never shown pre-filled on another task of the run, and date-times keep their minutes and time zone.
 */
class FormConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHOICES = Set.of("radio", "select", "checkbox", "checklist", "taglist");

    @Test
    void noDecisionHasADefault() throws IOException {
        List<String> preDecided = new ArrayList<>();
        forms().forEach((id, form) -> inputs(form).stream()
                .filter(c -> CHOICES.contains(c.path("type").asText()) && c.has("defaultValue"))
                .forEach(c -> preDecided.add(id + ": " + c.path("key").asText())));
        assertThat(preDecided).isEmpty();
    }

    @Test
    void noTwoTasksOfARunShareADecisionOrComment() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> shared = new ArrayList<>();
        for (Path file : processes()) {
            Map<String, String> formOfKey = new HashMap<>();
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                JsonNode form = forms.get(task.getCamundaFormRef());
                if (form == null) {
                    continue;
                }
                for (JsonNode input : inputs(form)) {
                    String key = input.path("key").asText();
                    boolean decidesOrComments = CHOICES.contains(input.path("type").asText()) || isComment(key);
                    String other = formOfKey.putIfAbsent(key, task.getCamundaFormRef());
                    if (decidesOrComments && other != null && !other.equals(task.getCamundaFormRef())) {
                        shared.add(file.getFileName() + ": '" + key + "' in " + other + " and " + task.getCamundaFormRef());
                    }
                }
            }
        }
        assertThat(shared).isEmpty();
    }

    /** The audit trail finds a gate's comment as the one submitted key that is {@code comment} or ends in {@code Comment}. */
    @Test
    void everyGateFormHasExactlyOneComment() throws IOException {
        Map<String, JsonNode> forms = forms();
        Map<String, List<String>> commentsOfGate = new LinkedHashMap<>();
        for (Path file : processes()) {
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                if ("change-managers".equals(task.getCamundaCandidateGroups())) {
                    commentsOfGate.put(task.getCamundaFormRef(), inputs(forms.get(task.getCamundaFormRef())).stream()
                            .map(c -> c.path("key").asText()).filter(FormConventionsTest::isComment).toList());
                }
            }
        }
        assertThat(commentsOfGate).isNotEmpty().allSatisfy((form, comments) ->
                assertThat(comments).as(form).hasSize(1));
    }

    @Test
    void dateTimesAreToTheMinuteIn24HoursWithTheirOffset() throws IOException {
        List<JsonNode> dateTimes = new ArrayList<>();
        forms().values().forEach(form -> inputs(form).stream()
                .filter(c -> "datetime".equals(c.path("type").asText())).forEach(dateTimes::add));
        assertThat(dateTimes).isNotEmpty().allSatisfy(field -> {
            assertThat(field.path("use24h").asBoolean()).as(field.path("key").asText() + " use24h").isTrue();
            assertThat(field.path("timeInterval").asInt()).as(field.path("key").asText() + " timeInterval").isEqualTo(1);
            assertThat(field.path("timeSerializingFormat").asText()).isEqualTo("utc_offset");
            assertThat(field.path("timeLabel").asText()).contains("time zone");
        });
    }

    private static boolean isComment(String key) {
        return key.equals("comment") || key.endsWith("Comment");
    }

    /**
     * Every runbook whose status polls may be shortened (its timers read {@code runbookWaits.poll} or the DR
     * activation's {@code pollInterval}) offers the choice on its start form, and a start form's choices of a wait
     * are exactly those {@link RunbookWaits} accepts from a sealed start (anything else it ignores).
     */
    @Test
    void everyRunbookThatPollsOffersTheShorterPollsRunbookWaitsAccepts() throws IOException {
        Map<String, JsonNode> forms = forms();
        Map<String, List<String>> offered = new LinkedHashMap<>();
        for (Path file : processes()) {
            var model = Bpmn.readModelFromFile(file.toFile());
            boolean polls = model.getModelElementsByType(TimerEventDefinition.class).stream()
                    .map(TimerEventDefinition::getTimeDuration).filter(java.util.Objects::nonNull)
                    .map(d -> d.getTextContent().strip())
                    .anyMatch(d -> d.startsWith("${runbookWaits.poll") || d.equals("${pollInterval}"));
            if (polls) {
                String startForm = model.getModelElementsByType(StartEvent.class).iterator().next().getCamundaFormRef();
                offered.put(file.getFileName().toString(), choices(forms.get(startForm), RunbookWaits.PER_RUN));
            }
        }
        assertThat(offered).containsOnlyKeys("channelRefreshProcess.bpmn", "drActivationProcess.bpmn",
                "multiInstanceSwitchoverProcess.bpmn", "nativeHaCrossRegionRejoinProcess.bpmn",
                "nativeHaRollingMaintenanceProcess.bpmn", "queueManagerRestartProcess.bpmn", "rdqmCreateProcess.bpmn",
                "rdqmFailoverProcess.bpmn",
                "rdqmHaNodeMaintenanceProcess.bpmn", "rdqmNodeReplacementProcess.bpmn")
                .allSatisfy((process, values) -> assertThat(values).as(process)
                        .isEqualTo(RunbookWaits.CHOICES.get(RunbookWaits.PER_RUN)));
        assertThat(choices(forms.get("clusterMigrationStart"), RunbookWaits.MONITORING_PERIOD))
                .isEqualTo(RunbookWaits.CHOICES.get(RunbookWaits.MONITORING_PERIOD));
    }

    private static List<String> choices(JsonNode form, String key) {
        return inputs(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst()
                .map(c -> c.path("values").findValuesAsText("value")).orElse(List.of());
    }

    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                forms.put(form.path("id").asText(), form);
            }
        }
        return forms;
    }

    private static List<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** The fields a person fills in, nested groups included. */
    private static List<JsonNode> inputs(JsonNode container) {
        List<JsonNode> inputs = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)) {
                inputs.add(component);
            }
            inputs.addAll(inputs(component));
        }
        return inputs;
    }
}
