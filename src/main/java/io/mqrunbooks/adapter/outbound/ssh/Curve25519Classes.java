package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;

/**
 * Which of jsch's own implementations do the curve25519 family's work: Ed25519 signatures (the client's
 * authentication, and checking an ed25519 host key) and the X25519 key agreement. jsch ships two: one over the
 * JDK's providers, its default on Java 17, and one over Bouncy Castle, its default on older JDKs. Java 17's is
 * far slower (one thread's CPU, warm: signing 0.96 against 0.04 ms, an X25519 key pair and agreement 0.40
 * against 0.16 ms; docs/ssh.md, "What a command costs"), and every new session pays both. Bouncy Castle comes
 * with the IBM MQ client, so when its classes load and set up, sessions use jsch's Bouncy Castle ones. The
 * algorithms, the proposals and the host key check stay as they are; only the arithmetic is done elsewhere.
 */
final class Curve25519Classes {

    static final String ED25519 = "ssh-ed25519";
    static final String XDH = "xdh";
    static final String BOUNCY_CASTLE_ED25519 = "com.jcraft.jsch.bc.SignatureEd25519";
    static final String BOUNCY_CASTLE_XDH = "com.jcraft.jsch.bc.XDH";

    private static final boolean BOUNCY_CASTLE = bouncyCastleSetsUp();

    private Curve25519Classes() {
    }

    /**
     * Points the session at jsch's Bouncy Castle classes when they set up in this JVM. The client's own signature
     * is made by jsch's KeyPair, which reads JSch's global configuration, not the session's: that entry is set
     * once, when this class loads; jsch is used by this adapter alone.
     */
    static void apply(Session session) {
        if (BOUNCY_CASTLE) {
            session.setConfig(ED25519, BOUNCY_CASTLE_ED25519);
            session.setConfig(XDH, BOUNCY_CASTLE_XDH);
        }
    }

    /** Whether sessions use jsch's Bouncy Castle classes for the curve25519 family. */
    static boolean bouncyCastle() {
        return BOUNCY_CASTLE;
    }

    private static boolean bouncyCastleSetsUp() {
        try {
            com.jcraft.jsch.SignatureEdDSA signature = Class.forName(BOUNCY_CASTLE_ED25519)
                    .asSubclass(com.jcraft.jsch.SignatureEdDSA.class).getDeclaredConstructor().newInstance();
            signature.init();
            com.jcraft.jsch.XDH xdh = Class.forName(BOUNCY_CASTLE_XDH).asSubclass(com.jcraft.jsch.XDH.class)
                    .getDeclaredConstructor().newInstance();
            xdh.init("X25519", 32);
            xdh.getQ();
        } catch (Exception | LinkageError e) {
            // Without Bouncy Castle jsch keeps its JDK classes: slower, the same protocol.
            return false;
        }
        JSch.setConfig(ED25519, BOUNCY_CASTLE_ED25519);
        return true;
    }
}
