package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mqrunbooks.adapter.inbound.web.baseline.BaselinesController;
import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The baselines API over a real store (H2), with the user the platform's authentication filter would set. */
class BaselinesApiTest {

    private MockMvc mvc;
    private io.mqrunbooks.application.baseline.BaselineStore store;
    private Baseline monday;
    private Baseline friday;
    private Baseline qm1;

    @BeforeEach
    void setUp() {
        BaselineTestBed bed = new BaselineTestBed("baselines-api");
        when(bed.admin.exportDefinitions("QM2")).thenReturn(Fixtures.read(Fixtures.MONDAY),
                Fixtures.read(Fixtures.FRIDAY_CHANGED));
        when(bed.admin.exportDefinitions("QM1")).thenReturn("DEFINE QLOCAL('PAYMENT.IN') MAXDEPTH(5000) REPLACE\n");
        monday = bed.service.capture("QM2", "run-1").baseline();
        friday = bed.service.capture("QM2", "run-2").baseline();
        qm1 = bed.service.capture("QM1", "run-2").baseline();
        store = bed.store;
        mvc = MockMvcBuilders.standaloneSetup(new BaselinesController(bed.store, changeManager -> Set.of("QM2"))).build();
    }

    private static RequestPostProcessor user(String id, String... groups) {
        return request -> {
            request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser(id, Set.of(groups)));
            return request;
        };
    }

    @Test
    void listsTheVersionsPerQueueManagerNewestFirst() throws Exception {
        mvc.perform(get("/api/baselines").with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queueManagers[0].queueManager").value("QM1"))
                .andExpect(jsonPath("$.queueManagers[1].queueManager").value("QM2"))
                .andExpect(jsonPath("$.queueManagers[1].versions[0].id").value(friday.id()))
                .andExpect(jsonPath("$.queueManagers[1].versions[0].objectCount").value(11))
                .andExpect(jsonPath("$.queueManagers[1].versions[0].sha256").value(friday.sha256()))
                .andExpect(jsonPath("$.queueManagers[1].versions[0].host").value("mqeast2"))
                .andExpect(jsonPath("$.queueManagers[1].versions[0].download").value("/api/baselines/" + friday.id() + ".mqsc"))
                .andExpect(jsonPath("$.queueManagers[1].versions[1].id").value(monday.id()));
        mvc.perform(get("/api/baselines").param("queueManager", "QM1").with(user("otto", Groups.OPERATORS)))
                .andExpect(jsonPath("$.queueManagers.length()").value(1))
                .andExpect(jsonPath("$.queueManagers[0].versions[0].id").value(qm1.id()));
    }

    @Test
    void downloadsAVersionAsTheMqscFileTheQueueManagerGave() throws Exception {
        mvc.perform(get("/api/baselines/{id}.mqsc", monday.id()).with(user("carl", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"QM2-baseline-" + monday.id() + ".mqsc\""))
                .andExpect(content().string(Fixtures.read(Fixtures.MONDAY)));
        mvc.perform(get("/api/baselines/999.mqsc").with(user("admin", Groups.ADMINS)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("No baseline #999 is stored."));
    }

    @Test
    void theDifferenceBetweenTwoVersionsAsJsonAndAsText() throws Exception {
        mvc.perform(get("/api/baselines/diff").param("from", "" + monday.id()).param("to", "" + friday.id())
                        .with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.added").value(2))
                .andExpect(jsonPath("$.counts.removed").value(1))
                .andExpect(jsonPath("$.counts.changed").value(1))
                .andExpect(jsonPath("$.added[1].object").value("CHANNEL('QM2.TO.CARDS')"))
                .andExpect(jsonPath("$.added[1].mqsc").value(org.hamcrest.Matchers.startsWith(
                        "DEFINE CHANNEL('QM2.TO.CARDS') +\n   CHLTYPE(SDR) +\n")))
                .andExpect(jsonPath("$.removed[0].object").value("QLOCAL('PAYMENT.BACKOUT')"))
                .andExpect(jsonPath("$.changed[0].object").value("QLOCAL('PAYMENT.IN')"))
                .andExpect(jsonPath("$.changed[0].attributes[1].attribute").value("MAXDEPTH"))
                .andExpect(jsonPath("$.changed[0].attributes[1].from").value("500000"))
                .andExpect(jsonPath("$.changed[0].attributes[1].to").value("900000"));
        String text = mvc.perform(get("/api/baselines/diff").param("from", "" + monday.id())
                        .param("to", "" + friday.id()).accept(MediaType.TEXT_PLAIN).with(user("otto", Groups.OPERATORS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text).startsWith("From baseline " + monday.describe() + "\nTo baseline   " + friday.describe()
                + "\n2 added, 1 removed, 1 changed\n+ QLOCAL('QM2.TO.CARDS.XMIT')\n+ CHANNEL('QM2.TO.CARDS')\n"
                + "- QLOCAL('PAYMENT.BACKOUT')\n~ QLOCAL('PAYMENT.IN')\n    BOQNAME: 'PAYMENT.BACKOUT' -> (not set)\n"
                + "    MAXDEPTH: 500000 -> 900000\n");
        mvc.perform(get("/api/baselines/diff").param("from", "abc").param("to", "1").with(user("otto", Groups.OPERATORS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message")
                        .value("Parameter 'from' must be a baseline id (a whole number), was 'abc'."));
    }

    @Test
    void theWholeLevellingScriptOfAPlanCanBeDownloaded() throws Exception {
        var plan = store.savePlan("QM2", "QM2_DR", friday.id(), java.time.Instant.parse("2026-11-21T02:01:00Z"),
                "DEFINE QLOCAL('A') +\n   REPLACE\n", "Primary QM2, baseline ...", "run-3");
        mvc.perform(get("/api/baselines/levelling/{id}.mqsc", plan.id()).with(user("carl", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"QM2_DR-levelling-" + plan.id() + ".mqsc\""))
                .andExpect(content().string("DEFINE QLOCAL('A') +\n   REPLACE\n"));
        mvc.perform(get("/api/baselines/levelling/{id}", plan.id()).with(user("audrey", Groups.AUDITORS)))
                .andExpect(jsonPath("$.backupQueueManager").value("QM2_DR"))
                .andExpect(jsonPath("$.baselineId").value(friday.id()))
                .andExpect(jsonPath("$.summary").value("Primary QM2, baseline ..."))
                .andExpect(jsonPath("$.createdAt").value("2026-11-21T02:01:00Z"))
                .andExpect(jsonPath("$.script").value("DEFINE QLOCAL('A') +\n   REPLACE\n"));
        mvc.perform(get("/api/baselines/levelling/{id}", plan.id() + 1).with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("No levelling plan #" + (plan.id() + 1) + " is stored."));
    }

    @Test
    void usersOutsideTheReadingGroupsGet403() throws Exception {
        for (String path : new String[] {"/api/baselines", "/api/baselines/" + monday.id() + ".mqsc"}) {
            mvc.perform(get(path).with(user("mallory", "guests")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message").value("User 'mallory' may not read baselines: that needs membership "
                            + "of one of the groups mq-operators, change-managers, auditors, camunda-admin."));
        }
        mvc.perform(get("/api/baselines/diff").param("from", "" + monday.id()).param("to", "" + friday.id())
                .with(user("mallory"))).andExpect(status().isForbidden());
    }

    @Test
    void passwordsInAnExportAreNeverServed() throws Exception {
        BaselineTestBed bed = new BaselineTestBed("baselines-api-secrets");
        when(bed.admin.exportDefinitions("QM1")).thenReturn("""
                DEFINE AUTHINFO('LDAP.AUTH') AUTHTYPE(IDPWLDAP) CONNAME('ldap.bank(636)') LDAPPWD('S3cr)et''x9') REPLACE
                DEFINE CHANNEL('QM1.TO.HOST') CHLTYPE(SDR) CONNAME('host(1414)') XMITQ('HOST') PASSWORD('pa)ss') REPLACE
                """);
        Baseline b = bed.service.capture("QM1", "run-1").baseline();
        when(bed.admin.exportDefinitions("QM1")).thenReturn(
                "DEFINE AUTHINFO('LDAP.AUTH') AUTHTYPE(IDPWLDAP) CONNAME('ldap.bank(636)') LDAPPWD('N3w''pw') REPLACE\n");
        Baseline next = bed.service.capture("QM1", "run-2").baseline();
        MockMvc secrets = MockMvcBuilders.standaloneSetup(new BaselinesController(bed.store, changeManager -> Set.of())).build();

        String served = secrets.perform(get("/api/baselines/{id}.mqsc", b.id()).with(user("otto", Groups.OPERATORS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(served).contains("LDAPPWD([REDACTED])", "PASSWORD([REDACTED])", "CONNAME('ldap.bank(636)')")
                .doesNotContain("S3cr").doesNotContain("x9").doesNotContain("pa)ss").doesNotContain("ss')");
        String diff = secrets.perform(get("/api/baselines/diff").param("from", "" + b.id()).param("to", "" + next.id())
                .accept(MediaType.APPLICATION_JSON).with(user("otto", Groups.OPERATORS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(diff).contains("LDAPPWD: [REDACTED] -> [REDACTED]", "PASSWORD([REDACTED])")
                .doesNotContain("S3cr").doesNotContain("x9").doesNotContain("N3w").doesNotContain("pa)ss");
    }
}
