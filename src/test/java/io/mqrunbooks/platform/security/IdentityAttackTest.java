package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Review C: identity through the REST API, as users who are not administrators, and as nobody. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityAttackTest extends RunbookLabTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aNonAdministratorCannotJoinAGroupCreateAUserVerifyPasswordsOrEditAnother() {
        assertThat(call("operator", "operator", HttpMethod.PUT, "/engine-rest/group/change-managers/members/operator",
                "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("changemgr", "changemgr", HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/changemgr",
                "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("operator", "operator", HttpMethod.POST, "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"mallory\"}}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("operator", "operator", HttpMethod.POST, "/engine-rest/identity/verify",
                "{\"username\":\"changemgr\",\"password\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("operator", "operator", HttpMethod.PUT, "/engine-rest/user/changemgr/profile",
                "{\"id\":\"changemgr\",\"email\":\"mallory@evil.example\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // own profile, another user's id in the body
        ResponseEntity<String> other = call("operator", "operator", HttpMethod.PUT, "/engine-rest/user/operator/profile",
                "{\"id\":\"changemgr\",\"email\":\"mallory@evil.example\"}");
        assertThat(other.getStatusCode().is2xxSuccessful()).as(other.getBody()).isFalse();
        assertThat(identityService.createUserQuery().userId("changemgr").singleResult().getEmail())
                .isNotEqualTo("mallory@evil.example");
        assertThat(identityService.createGroupQuery().groupMember("operator").groupId("change-managers").count()).isZero();
    }

    /**
     * Camunda's default lockout (10 failures: locked until an administrator unlocks) was anyone's to use; now
     * failures only delay the next password check (at most 60 s), and a session already open is untouched.
     */
    @Test
    void anAnonymousGuesserIsSlowedButLocksNoChangeManagerOut(CapturedOutput log) throws Exception {
        WebappSession open = WebappSession.login(rest.getRootUri(), "changemgr");
        try {
            long now = System.currentTimeMillis();
            for (int attempt = 0; attempt < 12; attempt++) { // more than Camunda's default 10
                now += 61_000; // past each growing login delay (at most 60 s)
                ClockUtil.setCurrentTime(new Date(now));
                assertThat(call("changemgr", "guess" + attempt, HttpMethod.GET, "/api/runs", null).getStatusCode())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            ClockUtil.setCurrentTime(new Date(now + 30_000));
            assertThat(call("changemgr", "changemgr", HttpMethod.GET, "/api/runs", null).getStatusCode())
                    .as("the right password within the delay").isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(call("changemgr", "changemgr", HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(open.get("/api/runs").statusCode()).as("the session opened before").isEqualTo(200);

            ClockUtil.setCurrentTime(new Date(now + 61_000));
            assertThat(call("changemgr", "changemgr", HttpMethod.GET, "/api/runs", null).getStatusCode())
                    .as("the right password after the delay").isEqualTo(HttpStatus.OK);
            assertThat(call("changemgr", "changemgr", HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            ClockUtil.reset();
            identityService.unlockUser("changemgr");
        }
        assertThat(log.getOut()).contains("Refused HTTP Basic login for user 'changemgr' from 127.0.0.1 on /api/runs")
                .contains("The user with id 'changemgr' is locked. The lock will expire at")
                .doesNotContain("guess").doesNotContain("permanently locked");
    }

    @Test
    void aOneCharacterPasswordIsRefusedByThePasswordPolicy() {
        ResponseEntity<String> set = call("auditor", "auditor", HttpMethod.PUT, "/engine-rest/user/auditor/credentials",
                "{\"password\":\"a\",\"authenticatedUserPassword\":\"auditor\"}");
        assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(set.getBody()).contains("The new password of auditor does not meet the password policy: ")
                .contains("PASSWORD_POLICY_LENGTH {minLength=10}").contains("nothing was changed");
        assertThat(identityService.checkPassword("auditor", "auditor")).as("the password unchanged").isTrue();
    }

    private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
