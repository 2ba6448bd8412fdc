package io.mqrunbooks.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The canonical form a record is hashed in: a JSON array of its fields in a fixed order, the payload as
 * the stored text and the time as UTC with milliseconds. A JSON array keeps nulls and field boundaries
 * unambiguous, so no two different records share a canonical form. Documented in docs/audit.md so an
 * auditor can re-compute a hash with any SHA-256 tool.
 */
public final class EvidenceHashing {

    public static final String FORMAT = "mqrb-evidence-v1";
    public static final String GENESIS_HASH = "0".repeat(64);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceHashing() {
    }

    public static String canonicalForm(String runId, long sequence, Instant recordedAt, EvidenceKind kind,
                                       String businessKey, String processKey, String stepId, String stepName,
                                       String actor, String payload, String prevHash) {
        try {
            return JSON.writeValueAsString(Arrays.asList(FORMAT, runId, sequence, TIME.format(recordedAt),
                    kind.name(), businessKey, processKey, stepId, stepName, actor, payload, prevHash));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize evidence record of run " + runId, e);
        }
    }

    public static String hash(EvidenceRecord r) {
        return sha256(canonicalForm(r.runId(), r.sequence(), r.recordedAt(), r.kind(), r.businessKey(),
                r.processKey(), r.stepId(), r.stepName(), r.actor(), r.payload(), r.prevHash()));
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
