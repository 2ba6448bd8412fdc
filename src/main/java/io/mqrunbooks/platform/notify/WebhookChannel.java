package io.mqrunbooks.platform.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON POST per waiting task. {@code text} is the message in one line, as chat incoming webhooks (Slack,
 * Mattermost, Rocket.Chat) expect it; the other fields are for anything that reads them. User ids only, no addresses.
 */
public class WebhookChannel implements NotificationChannel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public WebhookChannel(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(WaitingTask task, List<Recipient> recipients) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload(task, recipients))))
                .build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + answer.statusCode());
        }
    }

    static Map<String, Object> payload(WaitingTask task, List<Recipient> recipients) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", task.headline() + ". Who may act: " + task.whoMayAct() + ". " + task.link());
        payload.put("event", "task-waiting");
        payload.put("taskId", task.taskId());
        payload.put("task", task.taskName());
        payload.put("taskDefinitionKey", task.taskDefinitionKey());
        payload.put("runbook", task.runbook());
        payload.put("runId", task.runId());
        payload.put("runKey", task.runKey());
        payload.put("queueManager", task.queueManager());
        payload.put("candidateGroups", task.candidateGroups());
        payload.put("users", recipients.stream().map(Recipient::userId).toList());
        payload.put("link", task.link());
        return payload;
    }
}
