package io.mqrunbooks.platform.notify;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told that a task waits for them ({@code mqrunbooks.notify.*}; docs/operations.md "Notifications").
 * E-mail goes through Spring Mail's {@code JavaMailSender}, configured here rather than by {@code spring.mail.*}
 * so that an unset login stays unset and no mail health check reports the app down with the mail server.
 *
 * @param publicUrl  the address users open the app at, for the link to the task in Tasklist
 * @param mail       e-mail to the users who may act, off by default
 * @param webhook    a JSON POST per waiting task (e.g. a chat channel's incoming webhook), off while no URL is set
 */
@ConfigurationProperties("mqrunbooks.notify")
public record NotifyProperties(@DefaultValue("http://localhost:8080") URI publicUrl,
                               @DefaultValue Mail mail,
                               @DefaultValue Webhook webhook) {

    /**
     * @param enabled  whether to send e-mail
     * @param host     the SMTP server
     * @param port     its port (587: submission with STARTTLS)
     * @param username the SMTP login; empty: no login
     * @param password its password, from the environment; never shown by {@link #toString()}
     * @param starttls whether to require STARTTLS
     * @param from     the sender address
     * @param timeout  connect, read and write timeout towards the SMTP server
     */
    public record Mail(@DefaultValue("false") boolean enabled, @DefaultValue("") String host,
                       @DefaultValue("587") int port, @DefaultValue("") String username,
                       @DefaultValue("") String password, @DefaultValue("true") boolean starttls,
                       @DefaultValue("mq-runbooks@localhost") String from, @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "Mail[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username
                    + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + ", starttls=" + starttls
                    + ", from=" + from + ", timeout=" + timeout + "]";
        }
    }

    /**
     * @param url     where to POST; empty: no webhook
     * @param timeout connect and answer timeout of one POST
     */
    public record Webhook(@DefaultValue("") String url, @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /** Tasklist's page of one task. */
    public String taskLink(String taskId) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return base + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
