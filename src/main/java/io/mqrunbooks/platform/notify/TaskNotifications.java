package io.mqrunbooks.platform.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the users who may act that a task waits, on every configured channel, on a thread of its own: a slow or
 * failing mail server or webhook never holds or fails the engine. Failures are logged, not retried.
 */
public class TaskNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskNotifications.class);
    /** Beyond this many unsent notifications (a mail server down for long) new ones are dropped and logged. */
    private static final int QUEUE_LIMIT = 1000;

    private final Supplier<IdentityService> identity;
    private final List<NotificationChannel> channels;
    private final ThreadPoolExecutor sender;

    public TaskNotifications(Supplier<IdentityService> identity, List<NotificationChannel> channels) {
        this.identity = identity;
        this.channels = List.copyOf(channels);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_LIMIT),
                runnable -> {
                    Thread thread = new Thread(runnable, "task-notifications");
                    thread.setDaemon(true);
                    return thread;
                },
                (runnable, executor) -> LOG.warn("{} task notifications wait to be sent; a new one was dropped",
                        QUEUE_LIMIT));
    }

    /** Whether any channel is configured; without one, tasks are not even looked at. */
    public boolean active() {
        return !channels.isEmpty();
    }

    /** Queues the notification; returns at once. Call it only once the task's transaction has committed. */
    public void taskWaiting(WaitingTask task) {
        if (active()) {
            sender.execute(() -> deliver(task));
        }
    }

    private void deliver(WaitingTask task) {
        List<Recipient> recipients;
        try {
            recipients = recipients(task);
        } catch (RuntimeException e) {
            LOG.warn("Task '{}' ({}): nobody was told, the users who may act could not be read: {}",
                    task.taskName(), task.taskId(), e.toString());
            return;
        }
        for (NotificationChannel channel : channels) {
            try {
                channel.send(task, recipients);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Task '{}' ({}): the {} notification failed: {}", task.taskName(), task.taskId(),
                        channel.name(), e.toString());
            }
        }
    }

    /** The candidate users and the members of the candidate groups, each once, without who may not act. */
    List<Recipient> recipients(WaitingTask task) {
        IdentityService users = identity.get();
        Map<String, Recipient> byId = new LinkedHashMap<>();
        List<User> found = new ArrayList<>();
        for (String group : task.candidateGroups()) {
            found.addAll(users.createUserQuery().memberOfGroup(group).orderByUserId().asc().list());
        }
        for (String userId : task.candidateUsers()) {
            User user = users.createUserQuery().userId(userId).singleResult();
            if (user != null) {
                found.add(user);
            }
        }
        for (User user : found) {
            if (!user.getId().equals(task.notAllowed())) {
                byId.putIfAbsent(user.getId(), new Recipient(user.getId(), user.getEmail()));
            }
        }
        return List.copyOf(byId.values());
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("{} task notifications were not sent before shutdown", sender.shutdownNow().size());
        }
    }
}
