package io.mqrunbooks.lab;

import static io.mqrunbooks.lab.LabTestSupport.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's lab: ports chosen at once, listeners opened in the background, "ready" only once they listen. */
class LabStartupTest {

    @TempDir
    Path data;

    private LabEstate lab;

    @AfterEach
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aPreparedLabRefusesConnectionsUntilItListensOnThePortsItAnnouncedAndReadyWaitsForIt() throws Exception {
        lab = LabEstate.prepare(LabTestSupport.estate(), new FakeMqHandler(), data, LabOptions.ephemeral());
        int announced = lab.effectiveEstate().host("dr1").port();

        assertThatThrownBy(() -> new Socket(LabEstate.LOOPBACK, announced).close()).isInstanceOf(ConnectException.class);
        assertThat(lab.listening()).isNotDone();
        assertThat(data.resolve("lab/known_hosts")).doesNotExist();

        LabStartup startup = new LabStartup(lab);
        startup.startInTheBackground();
        startup.awaitListening();

        assertThat(lab.port("dr1")).isEqualTo(announced);
        assertThat(lab.effectiveEstate().host("dr1").port()).isEqualTo(announced);
        assertThat(data.resolve("lab/known_hosts")).content().contains("[127.0.0.1]:" + announced);
        assertThat(exec(lab, "dr1", "dspmq", null).exitStatus()).isZero();
    }

    @Test
    void aHostTakenDownBeforeTheLabListensStaysDownUntilItIsBroughtUp() throws Exception {
        lab = LabEstate.prepare(LabTestSupport.estate(), new FakeMqHandler(), data, LabOptions.ephemeral());
        int port = lab.port("dr2");
        lab.faults().hostDown("dr2");

        lab.listen();

        assertThatThrownBy(() -> new Socket(LabEstate.LOOPBACK, port).close()).isInstanceOf(ConnectException.class);
        assertThat(exec(lab, "dr1", "dspmq", null).exitStatus()).isZero();
        lab.faults().hostUp("dr2");
        assertThat(exec(lab, "dr2", "dspmq", null).exitStatus()).isZero();
        assertThat(lab.port("dr2")).isEqualTo(port);
    }

    @Test
    void thePortsItAnnouncedAreHeldForTheLabUntilItListens() throws Exception {
        lab = LabEstate.prepare(LabTestSupport.estate(), new FakeMqHandler(), data, LabOptions.ephemeral());
        int port = lab.port("mqeast1");

        // another program (another test JVM's lab, a connection's local port) cannot take it in between
        assertThatThrownBy(() -> new ServerSocket(port, 1, InetAddress.getByName(LabEstate.LOOPBACK)).close())
                .isInstanceOf(BindException.class);

        LabStartup startup = new LabStartup(lab);
        startup.startInTheBackground();
        startup.awaitListening();
        assertThat(lab.port("mqeast1")).isEqualTo(port);
        assertThat(exec(lab, "mqeast1", "dspmq", null).exitStatus()).isZero();
    }
}
