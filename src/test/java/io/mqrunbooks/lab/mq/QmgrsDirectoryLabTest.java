package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab keeps QM.NHA's qm.ini where IBM MQ does: /var/mqm/qmgrs/QM!NHA, not under the raw name. */
class QmgrsDirectoryLabTest extends LabTestSupport {

    @BeforeEach
    void dottedCrossRegionLab() {
        lab = new SimulatedMqEstate(NativeHaCrossRegionTest.crossRegionEstate("QM.NHA"), clock,
                LabMqOptions.defaults(), LabSeed.standard());
    }

    @Test
    void theGroupRoleIsEditedInTheTransformedDirectoryOnly() {
        LabExecution raw = run("nha1", "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QM.NHA/qm.ini");
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.stderr()).isEqualTo("sed: can't read /var/mqm/qmgrs/QM.NHA/qm.ini: No such file or directory\n");

        LabExecution transformed = run("nha1",
                "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QM!NHA/qm.ini");
        assertThat(transformed.exitCode()).as(transformed.stderr()).isZero();
        for (String host : java.util.List.of("nha2", "nha3")) {
            run(host, "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QM!NHA/qm.ini");
        }
        assertThat(run("nha1", "dspmq -o nativeha -g -m QM.NHA").stdout()).contains("GRPNAME(EAST) GRPROLE(Recovery)");
    }
}
