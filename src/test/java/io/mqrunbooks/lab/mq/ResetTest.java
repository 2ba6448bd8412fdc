package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reset() puts the whole lab back as it started: queue managers, versions and the replication link. */
class ResetTest {

    private final SimulatedMqEstate lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), Clock.systemUTC());

    @Test
    void resetRestoresTheInitialState() {
        String initialQm1 = dspmq("mqeast1", "QM1");
        String initialQmdr = run("dr1", "rdqmstatus", "-m", "QMDR").stdout();
        lab.execute("mqeast1", "mqm", List.of("endmqm", "-i", "QM1"), "");
        lab.installVersion("fr1", "9.4.1.0");
        lab.cutReplicationLink("QMDR");
        assertThat(dspmq("mqeast1", "QM1")).isNotEqualTo(initialQm1);
        assertThat(run("dr1", "rdqmstatus", "-m", "QMDR").stdout()).contains("DR status:").isNotEqualTo(initialQmdr);

        lab.reset();

        assertThat(dspmq("mqeast1", "QM1")).isEqualTo(initialQm1).contains("STATUS(Running)");
        assertThat(run("dr1", "rdqmstatus", "-m", "QMDR").stdout()).isEqualTo(initialQmdr);
        assertThat(run("fr1", "dspmqver").stdout()).doesNotContain("9.4.1.0");
    }

    private String dspmq(String host, String qm) {
        return run(host, "dspmq", "-m", qm).stdout();
    }

    private LabExecution run(String host, String... argv) {
        return lab.execute(host, "root", List.of(argv), "");
    }
}
