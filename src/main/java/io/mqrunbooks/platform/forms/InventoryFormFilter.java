package io.mqrunbooks.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves a deployed start form with its inventory selects filled in ({@link InventoryChoice}): Camunda Forms
 * cannot query the inventory, so the names are written into the select's {@code values} as the form leaves
 * the engine's REST API (for {@code /engine-rest} and the webapps' {@code /camunda/api}, which Tasklist reads).
 * A taglist or checklist (several names) offers "All: ..." first, value {@link InventoryChoice#ALL}.
 */
public class InventoryFormFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectProvider<Estate> estate;
    private final Pattern deployedStartForm;

    /** Where the engine REST API and the webapps are served ({@code spring.jersey.application-path}, ...). */
    public InventoryFormFilter(ObjectProvider<Estate> estate, String restPath, String webappPath) {
        this.estate = estate;
        this.deployedStartForm = Pattern.compile("(?:" + Pattern.quote(restPath) + "(?:/engine/[^/]+)?|"
                + Pattern.quote(webappPath)
                + "/api/engine/engine/[^/]+)/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)"
                + "/deployed-start-form/?");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        return !"GET".equals(request.getMethod()) || !deployedStartForm.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        Estate inventory = estate.getIfAvailable();
        byte[] body = captured.getContentAsByteArray();
        if (captured.getStatus() == HttpServletResponse.SC_OK && inventory != null && body.length > 0) {
            try {
                JsonNode form = JSON.readTree(body);
                if (fill(form, inventory)) {
                    captured.resetBuffer();
                    captured.getOutputStream().write(JSON.writeValueAsBytes(form));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException notAForm) {
                // Not a Camunda Form (an embedded HTML form, say): served as it is.
            }
        }
        captured.copyBodyToResponse();
    }

    /** Fills every inventory select of the form; whether there was one. */
    static boolean fill(JsonNode container, Estate inventory) {
        boolean filled = false;
        for (JsonNode component : container.path("components")) {
            Optional<InventoryChoice> choice = InventoryChoice.fromProperty(
                    component.path("properties").path("inventory").asText(""));
            if (choice.isPresent() && component instanceof ObjectNode select) {
                ArrayNode values = select.putArray("values");
                List<String> names = choice.get().names(inventory);
                if (isMultiple(select) && !names.isEmpty()) {
                    values.addObject().put("label", "All: " + String.join(", ", names)).put("value", InventoryChoice.ALL);
                }
                for (String name : names) {
                    values.addObject().put("label", label(inventory, choice.get(), name)).put("value", name);
                }
                filled = true;
            }
            filled |= fill(component, inventory);
        }
        return filled;
    }

    private static boolean isMultiple(JsonNode component) {
        String type = component.path("type").asText();
        return type.equals("taglist") || type.equals("checklist");
    }

    /** The name with where it runs, so the person picks the right one: "QMDR (dr1, dr2)". */
    private static String label(Estate inventory, InventoryChoice choice, String name) {
        if (choice == InventoryChoice.RDQM_DR_NODE) {
            return name + " (" + String.join(", ", inventory.queueManagers().stream()
                    .filter(q -> q.hosts().contains(name)).map(QueueManager::name).toList()) + ")";
        }
        if (choice == InventoryChoice.CLUSTER) {
            return inventory.findCluster(name).map(c -> name + " (" + String.join(", ", c.members()) + ")").orElse(name);
        }
        return inventory.findQueueManager(name).map(QueueManager::hosts)
                .map(hosts -> name + " (" + String.join(", ", hosts) + ")").orElse(name);
    }
}
