package io.mqrunbooks.lab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.testsupport.LabAppTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The lab's controls and page in the app (lab profile): what an administrator changes there is what the
 * runbooks then meet over SSH; anyone else is refused. (Not in the lab profile: ProductionProfileTest.)
 */
class LabControlControllerTest extends LabAppTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SshPort ssh;
    @Autowired
    Estate estate;

    @Autowired
    LabEstate labEstate;
    @Autowired
    ManagementService managementService;

    @Test
    void aHostFailedFromTheLabIsRecordedWithTheHistoryDatabaseItBelongsTo() throws IOException {
        post("admin", "/lab/control/mq/fail-host?host=dr1");

        List<String> record = Files.readAllLines(labEstate.labDir().resolve("state.jsonl"));
        String installation = managementService.getProperties().get("camunda.installation.id");
        assertThat(installation).isNotBlank();
        assertThat(record.get(0)).contains("\"historyId\":\"" + installation + "\"");
        assertThat(record).anySatisfy(line -> assertThat(line).contains("[\"failHost\",\"dr1\"]"))
                .anySatisfy(line -> assertThat(line).contains("[\"hostDown\",\"dr1\"]"));
    }

    @Test
    void installingALevelShowsInDspmqverOnThatHostOnly() {
        assertThat(post("admin", "/lab/control/mq/install-version?host=mqeast1&version=9.4.1.0").getBody())
                .isEqualTo("IBM MQ 9.4.1.0 installed on mqeast1\n");

        assertThat(ssh("mqeast1", "dspmqver")).contains("9.4.1.0");
        assertThat(ssh("mqwest1", "dspmqver")).doesNotContain("9.4.1.0").contains("9.4.0.0");
    }

    @Test
    void anHaNodeSuspendedFromTheLabMovesItsQueueManagersAndANativeHaLinkCutLeavesItsInstanceBehind() {
        assertThat(post("admin", "/lab/control/mq/suspend-ha-node?host=ha1").getBody())
                .isEqualTo("RDQM HA node ha1 suspended: its queue managers move to the other nodes of its group\n");
        assertThat(labMq.haNodeSuspended("ha1")).isTrue();
        assertThat(labMq.haCurrentLocation("QMHA1")).hasValueSatisfying(node -> assertThat(node).isNotEqualTo("ha1"));
        ResponseEntity<String> notHa = post("admin", "/lab/control/mq/suspend-ha-node?host=mqeast1");
        assertThat(notHa.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notHa.getBody()).contains("'mqeast1' is not an RDQM HA node of the lab");

        assertThat(post("admin", "/lab/control/mq/cut-native-ha-link?host=nha2&qm=QMNHA").getBody())
                .isEqualTo("Native HA replication of QMNHA to nha2 cut\n");
        labMq.putMessages("nha1", "QMNHA", "SYSTEM.DEFAULT.LOCAL.QUEUE", 5, true);
        assertThat(ssh("nha1", "dspmq", "-m", "QMNHA", "-o", "nativeha", "-x")).contains("INSYNC(no)");
        assertThat(post("admin", "/lab/control/mq/restore-native-ha-link?host=nha2&qm=QMNHA").getBody())
                .isEqualTo("Native HA replication of QMNHA to nha2 restored\n");
        assertThat(post("admin", "/lab/control/mq/cut-native-ha-link?host=nha2&qm=QMDR").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCutCrossRegionLinkLeavesTheRecoveryGroupBehindUntilItIsRestored() {
        assertThat(post("admin", "/lab/control/mq/cut-cross-region-link?qm=QMNHA").getBody())
                .isEqualTo("Native HA cross-region link of QMNHA cut\n");
        labMq.putMessages("nha1", "QMNHA", "SYSTEM.DEFAULT.LOCAL.QUEUE", 2, true);
        assertThat(ssh("nha1", "dspmq", "-m", "QMNHA", "-o", "nativeha", "-g"))
                .contains("GRPNAME(NHAWEST) GRPROLE(Recovery)", "CONNGRP(no)", "BACKLOG(8) INSYNC(no)");
        assertThat(post("admin", "/lab/control/mq/restore-cross-region-link?qm=QMNHA").getBody())
                .isEqualTo("Native HA cross-region link of QMNHA restored\n");
        assertThat(ssh("nha1", "dspmq", "-m", "QMNHA", "-o", "nativeha", "-g")).contains("CONNGRP(yes)");
        assertThat(post("admin", "/lab/control/mq/cut-cross-region-link?qm=QMDR").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aHeldChannelStatusShowsInDisplayChstatusUntilReleased() {
        assertThat(post("admin", "/lab/control/mq/hold-channel-status?host=pr1&qm=PR1&channel=TO.FR1&status=SWITCHING")
                .getBody()).isEqualTo("Channel TO.FR1 of PR1 shows STATUS(SWITCHING) while it runs\n");
        assertThat(labMq.execute("pr1", "mqm", java.util.List.of("runmqsc", "PR1"), "DIS CHS(TO.FR1) STATUS\n").stdout())
                .contains("STATUS(SWITCHING)");
        ResponseEntity<String> wrongType = post("admin",
                "/lab/control/mq/hold-channel-status?host=pr1&qm=PR1&channel=TO.FR1&status=PAUSED");
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongType.getBody())
                .isEqualTo("Lab: channel TO.FR1 is CHLTYPE(CLUSSDR); STATUS(PAUSED) is for RCVR or CLUSRCVR channels\n");
        assertThat(post("admin", "/lab/control/mq/release-channel-status?host=pr1&qm=PR1&channel=TO.FR1").getBody())
                .isEqualTo("Channel TO.FR1 of PR1 shows its own status again\n");
        assertThat(labMq.execute("pr1", "mqm", java.util.List.of("runmqsc", "PR1"), "DIS CHS(TO.FR1) STATUS\n").stdout())
                .contains("STATUS(RUNNING)");
    }

    @Test
    void anRdqmHaReplicaMadeToFallBehindShowsInRdqmstatusAndAFailedHaNodeIsLostToItsGroup() {
        assertThat(post("admin", "/lab/control/mq/ha-replica-behind?qm=QMHA2&host=ha3&kb=5000000").getBody())
                .isEqualTo("RDQM HA replica of QMHA2 on ha3 is 5000000 KB behind: rdqmstatus shows HA status"
                        + " Synchronization in progress until it catches up\n");
        assertThat(ssh("ha2", "rdqmstatus", "-m", "QMHA2")).containsPattern("HA status: +Mixed")
                .contains("Synchronization in progress");
        ResponseEntity<String> notHa = post("admin", "/lab/control/mq/ha-replica-behind?qm=QMDR&host=dr1&kb=10");
        assertThat(notHa.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notHa.getBody()).isEqualTo("'QMDR' is not an RDQM HA queue manager of the lab\n");
        ResponseEntity<String> none = post("admin", "/lab/control/mq/ha-replica-behind?qm=QMHA2&host=ha3&kb=0");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody()).contains("parameter 'kb' must be 1 or more");
        assertThat(post("admin", "/lab/control/mq/ha-replica-behind?qm=QMHA2&host=ha3&kb=lots").getBody())
                .contains("parameter 'kb' must be a whole number of 0 or more, not 'lots'");
        assertThat(post("admin", "/lab/control/mq/ha-replica-behind?qm=QMHA2&host=nowhere&kb=1").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // losing a node of the group is the host failure the lab already has
        assertThat(post("admin", "/lab/control/mq/fail-host?host=ha1").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(labMq.haCurrentLocation("QMHA1")).hasValueSatisfying(node -> assertThat(node).isNotEqualTo("ha1"));
        assertThat(ssh("ha2", "rdqmstatus", "-n")).contains("Node ha1 is offline");
    }

    @Test
    void aCutLinkShowsInRdqmstatusUntilItIsRestored() {
        assertThat(post("admin", "/lab/control/mq/cut-link?qm=QMDR").getBody())
                .isEqualTo("replication link of QMDR cut\n");
        assertThat(ssh("dr1", "rdqmstatus", "-m", "QMDR")).contains("Remote unavailable");

        assertThat(post("admin", "/lab/control/mq/restore-link?qm=QMDR").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ssh("dr1", "rdqmstatus", "-m", "QMDR")).doesNotContain("Remote unavailable");
    }

    @Test
    void aFailedHostRefusesSshAndComesBackWithItsQueueManagerEnded() {
        assertThat(post("admin", "/lab/control/mq/fail-host?host=mqeast1").getBody())
                .isEqualTo("host mqeast1 failed: its queue managers ended unexpectedly, SSH refuses connections\n");
        assertThatThrownBy(() -> ssh("mqeast1", "dspmq")).isInstanceOf(SshException.class);

        assertThat(post("admin", "/lab/control/mq/recover-host?host=mqeast1").getBody())
                .isEqualTo("host mqeast1 recovered: SSH is back, its queue managers stay ended until strmqm\n");
        assertThat(ssh("mqeast1", "dspmq", "-m", "QM1")).contains("STATUS(Ended unexpectedly)");
    }

    @Test
    void resetBringsBackEveryHostQueueManagerAndLevel() {
        post("admin", "/lab/control/mq/fail-host?host=mqeast1");
        post("admin", "/lab/control/mq/install-version?host=dr1&version=9.4.2.0");

        assertThat(post("admin", "/lab/control/reset").getBody())
                .isEqualTo("lab reset: simulated MQ back to its initial state, faults cleared, journal kept\n");

        assertThat(ssh("mqeast1", "dspmq", "-m", "QM1")).contains("STATUS(Running)");
        assertThat(ssh("dr1", "dspmqver")).doesNotContain("9.4.2.0");
    }

    @Test
    void stateIsJsonAndUnknownNamesAreNamed() {
        ResponseEntity<String> state = get("admin", "/lab/control/state");
        assertThat(state.getHeaders().getContentType().toString()).startsWith("application/json");
        assertThat(state.getBody()).contains("\"name\" : \"mqeast1\"").contains("\"installableVersions\"");

        ResponseEntity<String> unknown = post("admin", "/lab/control/mq/fail-host?host=dr9");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).startsWith("unknown lab host 'dr9' (hosts: ");
        ResponseEntity<String> missing = post("admin", "/lab/control/mq/install-version?host=dr1");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).isEqualTo("missing parameter 'version'\n");
    }

    @Test
    void onlyAdministratorsMayUseTheControls() {
        ResponseEntity<String> operator = post("operator", "/lab/control/mq/fail-host?host=mqeast1");
        ResponseEntity<String> changeManager = get("changemgr", "/lab/control/state");
        ResponseEntity<String> anonymous = rest.postForEntity("/lab/control/mq/fail-host?host=mqeast1", null, String.class);

        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operator.getBody()).isEqualTo("the lab controls are for administrators (group camunda-admin); "
                + "operator is not one\n");
        assertThat(changeManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(labFaults.isDown("mqeast1")).isFalse();
        assertThat(ssh("mqeast1", "dspmq", "-m", "QM1")).contains("STATUS(Running)");
    }

    @Test
    void anotherSiteCannotPressAControlForALoggedInAdministrator() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Sec-Fetch-Site", "cross-site");
        ResponseEntity<String> crossSite = rest.withBasicAuth("admin", "admin").exchange(
                "/lab/control/mq/fail-host?host=mqeast1", HttpMethod.POST, new HttpEntity<>(headers), String.class);

        assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(labFaults.isDown("mqeast1")).isFalse();
    }

    @Test
    void theLabPageOffersEveryControlToAdministratorsOnly() {
        ResponseEntity<String> page = get("admin", "/lab");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<h1>Lab estate</h1>")
                .contains("action=\"/lab/control/mq/fail-host\"", "action=\"/lab/control/mq/recover-host\"",
                        "action=\"/lab/control/mq/cut-link\"", "action=\"/lab/control/mq/restore-link\"",
                        "action=\"/lab/control/mq/install-version\"", "action=\"/lab/control/reset\"",
                        "action=\"/lab/control/mq/suspend-ha-node\"", "action=\"/lab/control/mq/cut-native-ha-link\"",
                        "action=\"/lab/control/mq/restore-native-ha-link\"",
                        "action=\"/lab/control/mq/ha-replica-behind\"")
                .contains("<option value=\"QMHA3\">QMHA3</option>")
                .contains("<option value=\"ha2\">ha2</option>", "<option value=\"QMNHA\">QMNHA</option>",
                        "<option value=\"nha3\">nha3</option>")
                .contains("<option value=\"mqeast1\">mqeast1</option>")
                .contains("<option value=\"QMDR\">QMDR</option>")
                .contains("<option value=\"9.4.1.0\">9.4.1.0</option>")
                .contains("<script src=\"/js/lab-page.js\"");
        assertThat(get("operator", "/lab").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/lab", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theLabPagesFormPostIsAcceptedAsAFormBody() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Type", "application/x-www-form-urlencoded");
        headers.set("Sec-Fetch-Site", "same-origin");
        ResponseEntity<String> answer = rest.withBasicAuth("admin", "admin").exchange("/lab/control/mq/cut-link",
                HttpMethod.POST, new HttpEntity<>("qm=QMDR", headers), String.class);

        assertThat(answer.getBody()).isEqualTo("replication link of QMDR cut\n");
        assertThat(ssh("dr2", "rdqmstatus", "-m", "QMDR")).contains("Remote unavailable");
    }

    private ResponseEntity<String> post(String user, String path) {
        return rest.withBasicAuth(user, user).postForEntity(path, null, String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private String ssh(String host, String program, String... arguments) {
        RemoteCommand.Builder command = RemoteCommand.builder(program);
        for (String argument : arguments) {
            command = argument.startsWith("-") ? command.flag(argument) : command.mqName("qm", argument);
        }
        return ssh.run(estate.host(host), command.build()).stdout();
    }
}
