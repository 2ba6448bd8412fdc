package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.KeyExchange;
import com.jcraft.jsch.Session;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The key exchanges a session proposes: jsch's proposal without those this JVM cannot do. jsch finds those at every
 * connect by setting up each key exchange named in CheckKexes (a key pair each: ML-KEM and X25519 for the first,
 * X25519 for the next two), 0.6 ms of CPU per session warm and 2.5 ms cold, and with Bouncy
 * Castle on the classpath far more for the post-quantum ones it does not even propose (sntrup761: tens of ms).
 * Whether a key exchange can be set up depends only on the JVM and its providers, so it is found once per
 * proposal, and sessions then send the result with CheckKexes empty: the proposal jsch would have sent. Should
 * jsch's classes ever refuse to be set up from here, jsch checks the proposed ones itself at each connect.
 */
final class KexProposal {

    private static final Map<List<String>, Optional<String>> AVAILABLE = new ConcurrentHashMap<>();

    private KexProposal() {
    }

    /** Sets the session's kex proposal to the available part of its own, checked once per JVM. */
    static void apply(Session session) {
        String proposal = session.getConfig("kex");
        String checks = proposed(proposal, String.valueOf(session.getConfig("CheckKexes")));
        Optional<String> available = AVAILABLE.computeIfAbsent(List.of(proposal, checks),
                key -> available(session, proposal, checks));
        if (available.isPresent() && !available.get().isEmpty()) {
            session.setConfig("kex", available.get());
            session.setConfig("CheckKexes", "");
        } else {
            session.setConfig("CheckKexes", checks);
        }
    }

    /**
     * The proposal without the key exchanges named in {@code checks} that cannot be set up here, as jsch's own
     * check gives it; empty when jsch's classes could not be reached to tell.
     */
    static Optional<String> available(Session session, String proposal, String checks) {
        List<String> checked = Arrays.asList(checks.split(","));
        try {
            StringBuilder available = new StringBuilder();
            for (String kex : proposal.split(",")) {
                if (!checked.contains(kex) || canSetUp(session, kex)) {
                    available.append(available.length() == 0 ? "" : ",").append(kex);
                }
            }
            return Optional.of(available.toString());
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The checks among those of the proposal: jsch needs no others. */
    static String proposed(String proposal, String checks) {
        List<String> proposed = Arrays.asList(proposal.split(","));
        return Arrays.stream(checks.split(",")).filter(proposed::contains).collect(Collectors.joining(","));
    }

    /** What jsch's Session.checkKex does: the key exchange's class (package-private in jsch), set up without a peer. */
    private static boolean canSetUp(Session session, String kex) throws IllegalAccessException {
        Constructor<? extends KeyExchange> constructor;
        try {
            constructor = Class.forName(session.getConfig(kex)).asSubclass(KeyExchange.class).getDeclaredConstructor();
        } catch (Exception | LinkageError e) {
            return false;
        }
        constructor.setAccessible(true);
        KeyExchange exchange;
        try {
            exchange = constructor.newInstance();
        } catch (IllegalAccessException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            return false;
        }
        try {
            exchange.init(session, null, null, null, null);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
