package io.mqrunbooks.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The engine REST API and the product's API of one node, as one user, over HTTP Basic. */
final class DrillRest {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private final String authorization;

    DrillRest(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    DrillRest as(String user, String password) {
        return new DrillRest(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user, password);
    }

    /** A failed call: the node is down, or it answered with an error status. */
    static final class CallFailed extends Exception {
        final int status;

        CallFailed(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }
    }

    JsonNode get(String path) throws CallFailed {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
    }

    JsonNode post(String path, Object body) throws CallFailed {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), path);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    JsonNode put(String path) throws CallFailed {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.noBody()), path);
    }

    JsonNode put(String path, Object body) throws CallFailed {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))), path);
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.length() == 0 ? "?" : "&").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Engine REST variables: strings and booleans, as the runbooks' forms submit them. */
    static ObjectNode variables(Map<String, ?> values) {
        ObjectNode variables = JSON.createObjectNode();
        values.forEach((name, value) -> {
            ObjectNode variable = variables.putObject(name);
            if (value instanceof Boolean flag) {
                variable.put("value", flag).put("type", "Boolean");
            } else {
                variable.put("value", String.valueOf(value)).put("type", "String");
            }
        });
        return variables;
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws CallFailed {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CallFailed(path + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(path + ": interrupted", 0, e);
        }
        if (response.statusCode() >= 300) {
            throw new CallFailed(path + ": HTTP " + response.statusCode() + " " + response.body(), response.statusCode(), null);
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CallFailed(path + ": not JSON: " + response.body(), response.statusCode(), e);
        }
    }
}
