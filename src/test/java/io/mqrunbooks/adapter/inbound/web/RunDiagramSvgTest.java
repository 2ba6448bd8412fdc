package io.mqrunbooks.adapter.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The run page's diagram, drawn from the switchover runbook's own BPMN diagram. */
class RunDiagramSvgTest {

    private final BpmnModelInstance switchover = Bpmn.readModelFromFile(new File("processes/rdqmSwitchoverProcess.bpmn"));

    @Test
    void drawsTasksAsRectanglesEventsAsCirclesAndGatewaysAsDiamondsColouredByState() {
        String svg = RunDiagramSvg.render(switchover, Map.of("serviceTask_assessSwitchover", StepState.DONE,
                "userTask_approveSwitchover", StepState.WAITING, "startEvent_requested", StepState.DONE),
                Map.of("queueManager", "QMDR"));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<g class=\"step waiting\" data-step=\"userTask_approveSwitchover\"><title>Approve the"
                        + " switchover of QMDR: waiting</title><rect class=\"shape task\"")
                .contains("<g class=\"step done\" data-step=\"startEvent_requested\"><title>Switchover requested: done"
                        + "</title><circle class=\"shape event\"")
                .contains("<g class=\"step not-run\" data-step=\"gateway_approveSwitchoverDecision\"><title>Approved?"
                        + "</title><polygon class=\"shape gateway\"")
                .contains("<circle class=\"shape event end\"")
                .contains("<polyline class=\"flow\" marker-end=\"url(#arrow)\"")
                .contains("<tspan x=\"470.0\" y=\"110.0\">Approve the</tspan>"
                        + "<tspan x=\"470.0\" y=\"124.0\">switchover of</tspan><tspan x=\"470.0\" y=\"138.0\">QMDR</tspan>")
                .doesNotContain("style=");
    }

    @Test
    void namesShowTheRunsValuesInPlaceOfTheirExpressions() {
        assertThat(RunDiagramSvg.label("Approve the switchover of ${queueManager}", Map.of("queueManager", "QMDR")))
                .isEqualTo("Approve the switchover of QMDR");
        assertThat(RunDiagramSvg.label("Approve ${unknown}", Map.of())).isEqualTo("Approve …");
    }

    @Test
    void wrapsLongNamesInsideTheirBox() {
        assertThat(RunDiagramSvg.wrap("Start the queue manager on the new primary", 16))
                .containsExactly("Start the queue", "manager on the", "new primary");
    }
}
