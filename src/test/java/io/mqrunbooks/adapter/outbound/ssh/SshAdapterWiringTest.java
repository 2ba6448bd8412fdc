package io.mqrunbooks.adapter.outbound.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.estate.Host;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** How Spring binds {@code mqrunbooks.ssh.*} and wires the adapter, without starting the engine. */
class SshAdapterWiringTest {

    @Configuration
    @EnableConfigurationProperties(SshProperties.class)
    static class AdapterOnly {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AdapterOnly.class)
            .withBean(JschSshAdapter.class);

    @Test
    void bindsPropertiesWithDefaultsAndNeverPrintsThePassphrase() {
        context.withPropertyValues(
                        "mqrunbooks.ssh.private-key-file=/etc/mq-runbooks/id_ed25519",
                        "mqrunbooks.ssh.private-key-passphrase-file=/run/secrets/ssh-passphrase",
                        "mqrunbooks.ssh.known-hosts-file=/etc/mq-runbooks/known_hosts",
                        "mqrunbooks.ssh.output-cap-bytes=1000")
                .run(ctx -> {
                    SshProperties properties = ctx.getBean(SshProperties.class);
                    assertThat(properties.privateKeyFile()).isEqualTo(Path.of("/etc/mq-runbooks/id_ed25519"));
                    assertThat(properties.privateKeyPassphraseFile()).isEqualTo(Path.of("/run/secrets/ssh-passphrase"));
                    assertThat(properties.knownHostsFile()).isEqualTo(Path.of("/etc/mq-runbooks/known_hosts"));
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.outputCapBytes()).isEqualTo(1000);
                    assertThat(properties.defaultDeadline()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(properties.deadlineGrace()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.reuseSessions()).isTrue();
                    assertThat(properties.sessionIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(properties.maxChannelsPerSession()).isEqualTo(10);
                    assertThat(properties.toString()).isEqualTo("SshProperties[privateKeyFile=/etc/mq-runbooks/id_ed25519,"
                            + " privateKeyPassphraseFile=/run/secrets/ssh-passphrase, knownHostsFile=/etc/mq-runbooks/known_hosts,"
                            + " connectTimeout=PT10S, outputCapBytes=1000, defaultDeadline=PT1M, deadlineGrace=PT5S,"
                            + " reuseSessions=true, sessionIdleTimeout=PT1M, maxChannelsPerSession=10]");
                    assertThat(ctx.getBean(SshPort.class)).isInstanceOf(JschSshAdapter.class);
                });
    }

    @Test
    void bindsTheSessionReuseSettings() {
        context.withPropertyValues(
                        "mqrunbooks.ssh.reuse-sessions=false",
                        "mqrunbooks.ssh.session-idle-timeout=15s",
                        "mqrunbooks.ssh.max-channels-per-session=4")
                .run(ctx -> {
                    SshProperties properties = ctx.getBean(SshProperties.class);
                    assertThat(properties.reuseSessions()).isFalse();
                    assertThat(properties.sessionIdleTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(properties.maxChannelsPerSession()).isEqualTo(4);
                });
        context.withPropertyValues("mqrunbooks.ssh.max-channels-per-session=0").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessage("mqrunbooks.ssh.max-channels-per-session must be positive, not 0"));
    }

    @Test
    void startsWithoutAnySshConfiguration() {
        context.run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(SshPort.class));
    }

    @Test
    void refusesANonPositiveOutputCapAtStartup() {
        context.withPropertyValues("mqrunbooks.ssh.output-cap-bytes=0").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessage("mqrunbooks.ssh.output-cap-bytes must be positive, not 0"));
    }

    @Test
    void sendsEvidenceToTheEvidenceSinkBean() {
        List<CommandResult> recorded = new CopyOnWriteArrayList<>();
        context.withBean(CommandEvidenceSink.class, () -> recorded::add).run(ctx -> {
            Host injected = new Host("dr1", "mq-dr1;reboot", 22, "mqm", true, "east", null);
            assertThatThrownBy(() -> ctx.getBean(SshPort.class).run(injected, RemoteCommand.builder("dspmq").build()))
                    .isInstanceOf(UnsafeArgumentException.class);
            assertThat(recorded).singleElement().satisfies(result -> {
                assertThat(result.host()).isEqualTo("dr1");
                assertThat(result.commandLine()).isEqualTo("dspmq");
                assertThat(result.exitCode()).isEqualTo(-1);
                assertThat(result.stderr()).isEqualTo("host dr1: address 'mq-dr1;reboot' is not a valid host name or"
                        + " IPv4 address; nothing was sent");
            });
        });
    }
}
