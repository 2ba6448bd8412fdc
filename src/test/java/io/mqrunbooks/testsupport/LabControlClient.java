package io.mqrunbooks.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Drives a lab through its control endpoint ({@code /lab/control/...}), as in-process tests drive
 * {@code LabFaults} and {@code SimulatedMqEstate}: a standalone lab ({@code java -jar ... lab}) with its bearer
 * token, or the app's lab as an administrator. Any answer but 2xx throws, naming the request and the lab's
 * one-line reason.
 */
public final class LabControlClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final HttpClient http;

    private LabControlClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** @param labDir the lab's folder, {@code DIR/lab}: it reads {@code control-url} and {@code control-token} */
    public static LabControlClient of(Path labDir) {
        try {
            String url = Files.readString(labDir.resolve("control-url"), StandardCharsets.UTF_8).strip();
            String token = Files.readString(labDir.resolve("control-token"), StandardCharsets.UTF_8).strip();
            return new LabControlClient(url, "Bearer " + token);
        } catch (IOException e) {
            throw new UncheckedIOException("lab control: cannot read control-url or control-token in " + labDir
                    + " (is the lab running?)", e);
        }
    }

    /** The app's lab, as the given user (an administrator; anyone else gets 403). */
    public static LabControlClient ofApp(String appUrl, String user, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return new LabControlClient(appUrl + "/lab/control", "Basic " + credentials);
    }

    public void reset() {
        post("/reset", Map.of());
    }

    public void hostDown(String host) {
        post("/faults/host-down", Map.of("host", host));
    }

    public void hostUp(String host) {
        post("/faults/host-up", Map.of("host", host));
    }

    public void clearFaults() {
        post("/faults/clear", Map.of());
    }

    public void failHost(String host) {
        post("/mq/fail-host", Map.of("host", host));
    }

    public void recoverHost(String host) {
        post("/mq/recover-host", Map.of("host", host));
    }

    public void cutReplicationLink(String qm) {
        post("/mq/cut-link", Map.of("qm", qm));
    }

    public void restoreReplicationLink(String qm) {
        post("/mq/restore-link", Map.of("qm", qm));
    }

    public void restoreMedia(String host, String qm) {
        post("/mq/restore-media", ordered("host", host, "qm", qm));
    }

    public void installVersion(String host, String version) {
        post("/mq/install-version", ordered("host", host, "version", version));
    }

    public int putMessages(String host, String qm, String queue, int count, boolean persistent) {
        Map<String, String> parameters = ordered("host", host, "qm", qm, "queue", queue);
        parameters.put("count", Integer.toString(count));
        parameters.put("persistent", Boolean.toString(persistent));
        return Integer.parseInt(post("/mq/put-messages", parameters).strip());
    }

    public int queueDepth(String host, String qm, String queue) {
        return Integer.parseInt(get("/mq/queue-depth", ordered("host", host, "qm", qm, "queue", queue)).strip());
    }

    public JsonNode state() {
        String body = get("/state", Map.of());
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lab control GET /state: not JSON: " + body, e);
        }
    }

    public int journalCount() {
        return Integer.parseInt(get("/journal/count", Map.of()).strip());
    }

    private String post(String path, Map<String, String> parameters) {
        return send("POST", path, parameters);
    }

    private String get(String path, Map<String, String> parameters) {
        return send("GET", path, parameters);
    }

    private String send(String method, String path, Map<String, String> parameters) {
        String target = parameters.isEmpty() ? path : path + "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + target))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("lab control " + method + " " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lab control " + method + " " + target + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("lab control " + method + " " + target + ": " + response.statusCode()
                    + " " + response.body().strip());
        }
        return response.body();
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
