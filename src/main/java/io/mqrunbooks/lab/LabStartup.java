package io.mqrunbooks.lab;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Starts the lab estate's SSH servers off the app's critical path: the host keys, Apache MINA SSHD and its
 * crypto providers take seconds, and Tasklist need not wait for them. They start in the background once the
 * context is refreshed and the web server is up; the app is only "ready" once they listen. Camunda's job
 * executor starts on that same ready event, after this listener, so no runbook step reaches a lab host
 * before it listens; a lab that cannot start stops the app with its reason instead of leaving runs to fail.
 */
public class LabStartup {

    /** How long "ready" waits for the lab; its start takes a few seconds, far less on a warm data folder. */
    static final Duration WAIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(LabStartup.class);

    private final LabEstate lab;

    public LabStartup(LabEstate lab) {
        this.lab = lab;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void startInTheBackground() {
        Thread starter = new Thread(() -> {
            try {
                lab.listen();
            } catch (Exception e) {
                log.debug("Lab estate: start failed; the ready event reports it", e);
            }
        }, "lab-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Before Camunda's job executor starts (same event, lower order): waits until every lab host listens. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void awaitListening() {
        try {
            lab.listening().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Lab estate: could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Lab estate: its SSH servers were not listening after " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Lab estate: interrupted while waiting for it to start", e);
        }
    }
}
