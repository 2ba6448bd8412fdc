package io.mqrunbooks.adapter.inbound.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a runbook's diagram as SVG from its BPMN diagram interchange: tasks as rounded rectangles, events as
 * circles, gateways as diamonds, each step with a class for its state in this run, so a stylesheet colours it
 * and the page's script can recolour it without drawing it again. No inline styles: the pages' policy forbids them.
 */
final class RunDiagramSvg {

    private static final int MARGIN = 20;
    /** Roughly how wide a character of the 12 px label font is, to wrap names inside their box. */
    private static final double CHARACTER_WIDTH = 6.5;
    private static final int LINE_HEIGHT = 14;

    private RunDiagramSvg() {
    }

    /** @param states step id to its state (done, running, waiting, failed); steps not in it have not run */
    static String render(BpmnModelInstance model, Map<String, StepState> states) {
        return render(model, states, Map.of());
    }

    /**
     * @param values the run's sealed values, for names that carry one (a task named
     *               {@code Approve the switchover of ${queueManager}} shows the queue manager)
     */
    static String render(BpmnModelInstance model, Map<String, StepState> states, Map<String, String> values) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        Extent extent = new Extent();
        shapes.forEach(shape -> extent.add(shape.getBounds()));
        edges.forEach(edge -> edge.getWaypoints().forEach(point -> extent.add(point.getX(), point.getY())));
        if (shapes.isEmpty()) {
            return "<p>This runbook's model carries no diagram.</p>\n";
        }

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"run-diagram\" role=\"img\" viewBox=\"")
                .append(number(extent.minX - MARGIN)).append(' ').append(number(extent.minY - MARGIN)).append(' ')
                .append(number(extent.maxX - extent.minX + 2 * MARGIN)).append(' ')
                .append(number(extent.maxY - extent.minY + 2 * MARGIN)).append("\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                        + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path class=\"arrow-head\""
                        + " d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n");
        for (BpmnEdge edge : edges) {
            edge(svg, edge);
        }
        for (BpmnShape shape : shapes) {
            shape(svg, shape, states, values);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void edge(StringBuilder svg, BpmnEdge edge) {
        List<String> points = new ArrayList<>();
        for (Waypoint point : edge.getWaypoints()) {
            points.add(number(point.getX()) + "," + number(point.getY()));
        }
        svg.append("<polyline class=\"flow\" marker-end=\"url(#arrow)\" points=\"").append(String.join(" ", points))
                .append("\"/>\n");
        String name = edge.getBpmnElement() instanceof FlowElement flow ? flow.getName() : null;
        if (name != null && !name.isBlank() && edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
            Bounds label = edge.getBpmnLabel().getBounds();
            svg.append("<text class=\"flow-label\" x=\"").append(number(label.getX())).append("\" y=\"")
                    .append(number(label.getY() + LINE_HEIGHT - 2)).append("\">").append(esc(name)).append("</text>\n");
        }
    }

    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("\\$\\{(\\w+)}");

    /** A name as Tasklist shows it: each {@code ${variable}} replaced by the run's value, or an ellipsis. */
    static String label(String name, Map<String, String> values) {
        return name == null ? null : EXPRESSION.matcher(name).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), "…")));
    }

    private static void shape(StringBuilder svg, BpmnShape shape, Map<String, StepState> states,
                              Map<String, String> values) {
        BaseElement element = shape.getBpmnElement();
        if (!(element instanceof Activity || element instanceof Event || element instanceof Gateway)) {
            return;
        }
        Bounds b = shape.getBounds();
        String name = label(((FlowElement) element).getName(), values);
        StepState state = states.get(element.getId());
        svg.append("<g class=\"step ").append(state == null ? "not-run" : state.word())
                .append("\" data-step=\"").append(esc(element.getId())).append("\">");
        svg.append("<title>").append(esc((name == null ? element.getId() : name)
                + (state == null ? "" : ": " + state.word()))).append("</title>");
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        if (element instanceof Activity) {
            svg.append("<rect class=\"shape task\" rx=\"10\" ry=\"10\" x=\"").append(number(x)).append("\" y=\"")
                    .append(number(y)).append("\" width=\"").append(number(w)).append("\" height=\"").append(number(h))
                    .append("\"/>");
            centredText(svg, name, x + w / 2, y + h / 2, w - 8);
        } else if (element instanceof Event) {
            svg.append("<circle class=\"shape event").append(element instanceof EndEvent ? " end" : "")
                    .append("\" cx=\"").append(number(x + w / 2)).append("\" cy=\"").append(number(y + h / 2))
                    .append("\" r=\"").append(number(Math.min(w, h) / 2)).append("\"/>");
            outsideLabel(svg, shape, name);
        } else {
            svg.append("<polygon class=\"shape gateway\" points=\"")
                    .append(number(x + w / 2)).append(',').append(number(y)).append(' ')
                    .append(number(x + w)).append(',').append(number(y + h / 2)).append(' ')
                    .append(number(x + w / 2)).append(',').append(number(y + h)).append(' ')
                    .append(number(x)).append(',').append(number(y + h / 2)).append("\"/>");
            outsideLabel(svg, shape, name);
        }
        svg.append("</g>\n");
    }

    /** Events and gateways carry their name beside them: where the modeller put it, else under the shape. */
    private static void outsideLabel(StringBuilder svg, BpmnShape shape, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        Bounds b = shape.getBounds();
        Bounds label = shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds();
        if (label != null) {
            centredText(svg, name, label.getX() + label.getWidth() / 2, label.getY() + label.getHeight() / 2,
                    Math.max(label.getWidth(), 90));
        } else {
            centredText(svg, name, b.getX() + b.getWidth() / 2, b.getY() + b.getHeight() + LINE_HEIGHT, 100);
        }
    }

    private static void centredText(StringBuilder svg, String text, double centreX, double centreY, double width) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> lines = wrap(text, Math.max(8, (int) (width / CHARACTER_WIDTH)));
        double firstBaseline = centreY - (lines.size() - 1) * LINE_HEIGHT / 2.0 + 4;
        svg.append("<text class=\"name\" text-anchor=\"middle\">");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(number(centreX)).append("\" y=\"")
                    .append(number(firstBaseline + i * LINE_HEIGHT)).append("\">").append(esc(lines.get(i)))
                    .append("</tspan>");
        }
        svg.append("</text>");
    }

    static List<String> wrap(String text, int maxCharacters) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > maxCharacters) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text and attribute values escaped, because the run page inserts this SVG as it is (markup only: UTF-8 page). */
    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The smallest rectangle around every shape and waypoint. */
    private static final class Extent {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        void add(Bounds b) {
            add(b.getX(), b.getY());
            add(b.getX() + b.getWidth(), b.getY() + b.getHeight());
        }

        void add(double x, double y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
    }
}
