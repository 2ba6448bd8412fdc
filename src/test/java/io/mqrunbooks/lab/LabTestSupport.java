package io.mqrunbooks.lab;

import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.ChannelPartner;
import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.DrReplication;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** A small estate built from the records, and a strict MINA SSHD client for it. */
public final class LabTestSupport {

    /** How long an SSH step may take before the test gives up: generous, as CI runs two test JVMs on two cores. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private LabTestSupport() {
    }

    public static Estate estate() {
        return new Estate(
                List.of(new Site("east"), new Site("west")),
                List.of(new Host("dr1", "127.0.0.1", 22101, "mqm", true, "east", "127.0.2.14"),
                        new Host("dr2", "127.0.0.1", 22102, "mqm", true, "west", "127.0.2.15"),
                        new Host("mqeast1", "127.0.0.1", 22103, "mqm", false, "east", null)),
                List.of(new QueueManager("QMDR", QueueManagerKind.RDQM_DR, List.of("dr1", "dr2"), "LISTENER.TCP", 1502,
                                Transport.MQSC_SSH, null, new DrReplication(7001, false),
                                new Backup("QMDR", "dr2", BackupLevel.HOT)),
                        new QueueManager("QM1", QueueManagerKind.SINGLE, List.of("mqeast1"), "LISTENER.TCP", 1414,
                                Transport.MQSC_SSH, null, null, null)),
                List.of(new Cluster("PAYCLUS", List.of("QM1"), List.of("QMDR"))),
                List.of(new ChannelPartner("Bank of Example", "Payments Operations", "QM1", "QM1.TO.BANK",
                        "127.0.0.1(1471)", "Allow {backupHost} to {drConname}")));
    }

    /** What one exec request gave back; exitStatus is null when none arrived. */
    record Result(String stdout, String stderr, Integer exitStatus, Set<ClientChannelEvent> events,
                  boolean sessionClosed) {
    }

    /** A MINA SSHD client that accepts only the host keys in the lab's known_hosts. */
    static SshClient strictClient(Path knownHosts) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
        client.start();
        return client;
    }

    static ClientSession login(SshClient client, LabEstate lab, String host) throws Exception {
        ClientSession session = client.connect("mqm", "127.0.0.1", lab.port(host)).verify(WAIT).getSession();
        session.addPublicKeyIdentity(LabKeys.readKeyPair(lab.clientKeyFile()));
        session.auth().verify(WAIT);
        return session;
    }

    static Result exec(LabEstate lab, String host, String command, String stdin) throws Exception {
        return exec(lab, host, command, stdin, WAIT);
    }

    /** Runs one command and waits at most {@code deadline} for it; on the deadline the channel is closed. */
    static Result exec(LabEstate lab, String host, String command, String stdin, Duration deadline) throws Exception {
        try (SshClient client = strictClient(lab.knownHostsFile());
             ClientSession session = login(client, lab, host)) {
            return exec(session, command, stdin, deadline);
        }
    }

    static Result exec(ClientSession session, String command, String stdin, Duration deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(WAIT);
            OutputStream in = channel.getInvertedIn();
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
                in.flush();
                in.close();
            }
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), deadline);
            Integer exitStatus = channel.getExitStatus();
            channel.close(true);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    exitStatus, events, session.isClosed() || session.isClosing());
        }
    }
}
