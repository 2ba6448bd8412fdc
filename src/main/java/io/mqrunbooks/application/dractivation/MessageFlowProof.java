package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.ObjectKey;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Proves the backup moves messages: a test message put and got back by its correlation id. */
@Service
public class MessageFlowProof {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MqAdminPort admin;
    private final Clock clock;

    public MessageFlowProof(MqAdminPort admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    public Proof prove(ActivationTarget target, String queue, Duration wait, String incident) {
        return roundTrip(target.backupQueueManager(), target.backupLabel(), queue, wait,
                "mq-runbooks DR activation test, incident " + incident);
    }

    /**
     * Puts a test message on {@code queue} of the queue manager (defining the queue when it is missing) and gets it
     * back by its correlation id within {@code wait}; fails when it does not come back, or comes back changed.
     *
     * @param label how the queue manager is named in the messages ({@code QM1 on mqwest1})
     * @param what  the body's opening words, saying which run put it
     */
    public Proof roundTrip(String queueManager, String label, String queue, Duration wait, String what) {
        String defined = "";
        try {
            admin.queueDepth(queueManager, queue);
        } catch (MqAdminException e) {
            if (e.reason() != MqAdminException.Reason.OBJECT_NOT_FOUND) {
                throw e;
            }
            var result = admin.applyDefinitions(queueManager, DefinitionScript.defining(
                    new MqscObject(new ObjectKey("QLOCAL", queue), Map.of(), 0), true).mqsc());
            if (!result.succeeded()) {
                throw new IllegalStateException("DEFINE QLOCAL('" + queue + "') REPLACE on " + queueManager
                        + " failed:\n" + result.output());
            }
            defined = "DEFINE QLOCAL('" + queue + "') REPLACE (it was missing); ";
        }
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String correlationId = HexFormat.of().withUpperCase().formatHex(id);
        String body = what + ", " + correlationId;
        Instant start = clock.instant();
        admin.putTestMessage(queueManager, queue, correlationId, body);
        Optional<String> received = admin.getTestMessage(queueManager, queue, correlationId, wait);
        Instant end = clock.instant();
        if (received.isEmpty()) {
            throw new IllegalStateException("The test message " + correlationId + " put to " + queue + " on "
                    + label + " did not come back within " + wait.toSeconds() + " s");
        }
        if (!received.get().equals(body)) {
            throw new IllegalStateException("The test message " + correlationId + " came back from " + queue + " on "
                    + queueManager + " with another body: '" + received.get() + "'");
        }
        long millis = Duration.between(start, end).toMillis();
        return new Proof(correlationId, end, millis, defined + "put and got back test message " + correlationId
                + " on " + queue + " of " + label + " in " + millis + " ms");
    }

    public record Proof(String correlationId, Instant at, long roundTripMillis, String detail) {
    }
}
