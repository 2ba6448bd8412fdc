package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.NativeHaCrossRegion;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab keeps QM.NHA's qm.ini where IBM MQ does: /var/mqm/qmgrs/QM!NHA, not under the raw name. */
class QmgrsDirectoryLabTest extends LabTestSupport {

    @BeforeEach
    void dottedCrossRegionLab() {
        Estate estate = new Estate(List.of(new Site("east"), new Site("west")),
                List.of(new Host("nha1", "127.0.0.1", 22131, "mqm", false, "east", null),
                        new Host("nha2", "127.0.0.1", 22132, "mqm", false, "east", null),
                        new Host("nha3", "127.0.0.1", 22133, "mqm", false, "east", null),
                        new Host("nhb1", "127.0.0.1", 22161, "mqm", false, "west", null),
                        new Host("nhb2", "127.0.0.1", 22162, "mqm", false, "west", null),
                        new Host("nhb3", "127.0.0.1", 22163, "mqm", false, "west", null)),
                List.of(new QueueManager("QM.NHA", QueueManagerKind.NATIVE_HA, List.of("nha1", "nha2", "nha3"),
                        "LISTENER.TCP", 1481, Transport.MQSC_SSH, null, null, null,
                        new NativeHaCrossRegion("EAST", "WEST", List.of("nhb1", "nhb2", "nhb3")))),
                List.of(), List.of());
        lab = new SimulatedMqEstate(estate, clock, LabMqOptions.defaults(), LabSeed.standard());
    }

    @Test
    void theGroupRoleIsEditedInTheTransformedDirectoryOnly() {
        LabExecution raw = run("nha1", "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QM.NHA/qm.ini");
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.stderr()).isEqualTo("sed: can't read /var/mqm/qmgrs/QM.NHA/qm.ini: No such file or directory\n");

        LabExecution transformed = run("nha1",
                "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QM!NHA/qm.ini");
        assertThat(transformed.exitCode()).as(transformed.stderr()).isZero();
    }
}
