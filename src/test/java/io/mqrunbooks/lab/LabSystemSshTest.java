package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue's own check: OpenSSH's ssh, strict host key checking against the written known_hosts. */
class LabSystemSshTest {

    @TempDir
    Path data;

    private final FakeMqHandler handler = new FakeMqHandler();
    private LabEstate lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = LabEstate.start(LabTestSupport.estate(), handler, data, LabOptions.ephemeral());
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    @Test
    void opensshRunsDspmqWithStrictHostKeyChecking() throws Exception {
        SshRun run = ssh("mqeast1", null, "dspmq");

        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEqualTo("QMNAME(QM1)                                               STATUS(Running)\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void opensshSendsMqscOnStdinAndSeesExitCodes() throws Exception {
        Path mqsc = Files.writeString(data.resolve("commands.mqsc"), "DISPLAY QMGR\nEND\n");

        SshRun runmqsc = ssh("dr1", mqsc, "sudo -n runmqsc QMDR");
        SshRun strmqm = ssh("dr1", null, "sudo -n strmqm QM9");
        SshRun refused = ssh("dr1", null, "dspmq | head");

        assertThat(runmqsc.stdout()).isEqualTo("received 17 characters on dr1:\nDISPLAY QMGR\nEND\n");
        assertThat(runmqsc.exitCode()).isZero();
        assertThat(strmqm.stderr()).isEqualTo("AMQ7048E: The queue manager name is either not valid or not known.\n");
        assertThat(strmqm.exitCode()).isEqualTo(72);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(handler.calls).extracting(FakeMqHandler.Call::user).containsExactly("root", "root");
    }

    @Test
    void opensshRefusesALabHostMissingFromKnownHosts() throws Exception {
        Files.writeString(lab.knownHostsFile(), "");

        SshRun run = ssh("mqeast1", null, "dspmq");

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.stderr()).contains("Host key verification failed.");
        assertThat(handler.calls).isEmpty();
    }

    private record SshRun(String stdout, String stderr, int exitCode) {
    }

    private SshRun ssh(String host, Path stdin, String command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/ssh",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + lab.knownHostsFile(),
                "-o", "BatchMode=yes",
                "-i", lab.clientKeyFile().toString(),
                "-p", Integer.toString(lab.port(host)),
                "mqm@127.0.0.1", command));
        Path out = data.resolve("ssh.out");
        Path err = data.resolve("ssh.err");
        Process process = new ProcessBuilder(argv)
                .redirectInput(stdin == null ? new File("/dev/null") : stdin.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssh did not finish within 20 s: " + argv);
        }
        return new SshRun(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                process.exitValue());
    }
}
