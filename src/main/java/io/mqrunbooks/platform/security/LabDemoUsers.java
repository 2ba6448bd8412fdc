package io.mqrunbooks.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * One demo user per role, for the lab only (README "Demo users"). Never created in any other profile.
 * The password of each is its user id, which Camunda's password policy refuses ({@link LabPasswordPolicy}).
 */
@Component
@Profile("lab")
@DependsOn("roleAuthorizations")
public class LabDemoUsers {

    /** A demo user and the groups it belongs to. */
    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("operator", "Olivia", "Operator", List.of(Groups.OPERATORS)),
            new DemoUser("changemgr", "Charles", "Change-Manager", List.of(Groups.CHANGE_MANAGERS)),
            new DemoUser("auditor", "Ada", "Auditor", List.of(Groups.AUDITORS)),
            // On-call lead: both roles, so the four-eyes rule is what stops self-approval.
            new DemoUser("lead", "Lee", "On-call Lead", List.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS)));

    public LabDemoUsers(ProcessEngine processEngine, LabPasswordPolicy passwordPolicy) {
        IdentityService identity = processEngine.getIdentityService();
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@lab.mq-runbooks.invalid");
                user.setPassword(demo.id());
                identity.saveUser(user);
            }
            for (String group : demo.groups()) {
                if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(demo.id(), group);
                }
            }
        }
        passwordPolicy.restore();
    }
}
