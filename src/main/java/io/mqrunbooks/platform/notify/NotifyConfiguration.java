package io.mqrunbooks.platform.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The notification channels that are configured, and the engine plugin (the starter applies every plugin bean). */
@Configuration
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyConfiguration {

    @Bean(destroyMethod = "close")
    public TaskNotifications taskNotifications(NotifyProperties properties, ObjectProvider<IdentityService> identity) {
        List<NotificationChannel> channels = new ArrayList<>();
        if (properties.mail().enabled()) {
            channels.add(new MailChannel(mailSender(properties.mail()), properties.mail().from()));
        }
        if (properties.webhook().enabled()) {
            channels.add(new WebhookChannel(URI.create(properties.webhook().url()), properties.webhook().timeout()));
        }
        // The identity service is the engine's, which this plugin helps build: looked up when first needed.
        return new TaskNotifications(identity::getObject, channels);
    }

    static JavaMailSender mailSender(NotifyProperties.Mail mail) {
        if (mail.host().isBlank()) {
            throw new IllegalStateException("mqrunbooks.notify.mail.enabled is true but mqrunbooks.notify.mail.host"
                    + " is not set (MQRB_MAIL_HOST in production)");
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        String timeout = Long.toString(mail.timeout().toMillis());
        Properties smtp = sender.getJavaMailProperties();
        smtp.put("mail.smtp.connectiontimeout", timeout);
        smtp.put("mail.smtp.timeout", timeout);
        smtp.put("mail.smtp.writetimeout", timeout);
        smtp.put("mail.smtp.starttls.enable", Boolean.toString(mail.starttls()));
        smtp.put("mail.smtp.starttls.required", Boolean.toString(mail.starttls()));
        if (!mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
            smtp.put("mail.smtp.auth", "true");
        }
        return sender;
    }

    @Bean
    public NotifyPlugin notifyPlugin(TaskNotifications notifications, NotifyProperties properties) {
        return new NotifyPlugin(notifications, properties);
    }
}
