package io.mqrunbooks.platform.notify;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** One plain-text e-mail per waiting task, to every user who may act and has an address. */
public class MailChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final JavaMailSender sender;
    private final String from;

    public MailChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public String name() {
        return "e-mail";
    }

    @Override
    public void send(WaitingTask task, List<Recipient> recipients) {
        List<String> addresses = recipients.stream().map(Recipient::email)
                .filter(email -> email != null && !email.isBlank()).distinct().toList();
        List<String> without = recipients.stream().filter(r -> r.email() == null || r.email().isBlank())
                .map(Recipient::userId).toList();
        if (!without.isEmpty()) {
            LOG.info("Task '{}' ({}): no e-mail address in the profile of {}", task.taskName(), task.taskId(), without);
        }
        if (addresses.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(addresses.toArray(String[]::new));
        message.setSubject("Waiting for you: " + task.taskName());
        message.setText(body(task));
        sender.send(message);
    }

    static String body(WaitingTask task) {
        StringBuilder text = new StringBuilder();
        text.append(task.taskName()).append(" is waiting for you.\n\n");
        text.append("Runbook:        ").append(task.runbook()).append('\n');
        if (task.runKey() != null) {
            text.append("Run:            ").append(task.runKey()).append('\n');
        }
        if (task.queueManager() != null) {
            text.append("Queue manager:  ").append(task.queueManager()).append('\n');
        }
        text.append("Who may act:    ").append(task.whoMayAct()).append('\n');
        text.append("Open the task:  ").append(task.link()).append("\n\n");
        text.append("mq-runbooks tells every user who may act on a task when it starts waiting.\n");
        return text.toString();
    }
}
