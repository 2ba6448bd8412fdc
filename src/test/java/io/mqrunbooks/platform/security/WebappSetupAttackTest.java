package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Review F: Admin's first-run set-up ({@code /camunda/api/admin/setup/default/user/create}) creates an administrator
 * for anyone, logged in or not, whenever the administrators' group has no member; the guard let it through to
 * everyone. The first administrator is made at start-up ({@code camunda.bpm.admin-user}), so nobody needs it.
 */
class WebappSetupAttackTest extends RunbookLabTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void nobodyCreatesAnAdministratorThroughTheSetUpOnceTheAdministratorsAreGone() throws Exception {
        List<String> admins = identityService.createUserQuery().memberOfGroup(Groups.ADMINS).list().stream()
                .map(User::getId).toList();
        admins.forEach(id -> identityService.deleteMembership(id, Groups.ADMINS));
        try {
            WebappSession stranger = WebappSession.anonymous(rest.getRootUri());
            HttpResponse<String> created = stranger.post("/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"Ivan\",\"lastName\":\"Outsider\",\"email\":\"i@example.invalid\"},"
                            + "\"credentials\":{\"password\":\"Nq7#Kx2@Wv9!\"}}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
            assertThat(created.body()).contains("camunda.bpm.admin-user");
            assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        } finally {
            if (identityService.createUserQuery().userId("intruder").count() > 0) {
                identityService.deleteUser("intruder");
            }
            admins.forEach(id -> identityService.createMembership(id, Groups.ADMINS));
        }
    }
}
