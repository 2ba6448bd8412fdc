package io.mqrunbooks.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a task starts waiting, the users who may act get an e-mail (an embedded SMTP server on loopback) and the
 * webhook a JSON POST (a receiver on 127.0.0.1), after the engine's transaction commits; a run that rolls back
 * tells nobody, and a mail server or webhook that fails does not hold or fail the engine.
 */
class TaskNotificationsTest {

    private static final String PUBLIC_URL = "https://mq-runbooks.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort()).withPerMethodLifecycle(false);

    private static HttpServer receiver;
    private static final BlockingQueue<String> posts = new LinkedBlockingQueue<>();
    private static final AtomicInteger brokenPosts = new AtomicInteger();
    private static final List<AutoCloseable> closing = new ArrayList<>();
    private static final Map<String, ProcessEngine> engines = new HashMap<>();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/broken", exchange -> {
            brokenPosts.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        receiver.stop(0);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @BeforeEach
    void clear() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        posts.clear();
    }

    @Test
    void aWaitingGateIsMailedAndPostedToTheChangeManagersButNotToTheInitiator() throws Exception {
        ProcessEngine engine = engine("notify-ok", smtp.getSmtp().getPort(), "/hook");
        ProcessInstance run = startSwitchover(engine);
        Task gate = engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("changemgr@example.test");
        assertThat(mail.getSubject()).isEqualTo("Waiting for you: Approve the switchover of QMDR");
        // the SMTP transfer drops the last line break
        assertThat(GreenMailUtil.getBody(mail).replace("\r\n", "\n") + "\n").isEqualTo("""
                Approve the switchover of QMDR is waiting for you.

                Runbook:        RDQM DR switchover
                Run:            CHG-42
                Queue manager:  QMDR
                Who may act:    members of change-managers, except lead (started the run)
                Open the task:  %s/camunda/app/tasklist/default/#/?task=%s

                mq-runbooks tells every user who may act on a task when it starts waiting.
                """.formatted(PUBLIC_URL, gate.getId()));

        JsonNode post = JSON.readTree(posts.poll(10, TimeUnit.SECONDS));
        assertThat(post.path("text").asText()).isEqualTo("Approve the switchover of QMDR is waiting (RDQM DR"
                + " switchover, run CHG-42). Who may act: members of change-managers, except lead (started the run). "
                + PUBLIC_URL + "/camunda/app/tasklist/default/#/?task=" + gate.getId());
        assertThat(post.path("taskDefinitionKey").asText()).isEqualTo("userTask_approveSwitchover");
        assertThat(post.path("queueManager").asText()).isEqualTo("QMDR");
        assertThat(post.path("users").toString()).isEqualTo("[\"changemgr\",\"nomail\"]");

        // an operators' task tells every operator, the initiator too (four-eyes is for gates)
        engine.getTaskService().complete(gate.getId(), Map.of("switchoverDecision", "approve"));
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage next = smtp.getReceivedMessages()[1];
        assertThat(next.getSubject()).isEqualTo("Waiting for you: Check QMDR after the switchover");
        assertThat(Arrays.stream(next.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder("lead@example.test", "operator@example.test");
        assertThat(JSON.readTree(posts.poll(10, TimeUnit.SECONDS)).path("task").asText())
                .isEqualTo("Check QMDR after the switchover");
    }

    @Test
    void aStartThatRollsBackTellsNobody() throws Exception {
        ProcessEngine engine = engine("notify-ok", smtp.getSmtp().getPort(), "/hook");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("failingRunProcess", "CHG-43",
                Map.of("queueManager", "QMDR", "initiator", "lead")))
                .hasMessageContaining("doesNotExist");

        Thread.sleep(1_500);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(GreenMailUtil::getBody))
                .noneMatch(body -> body.contains("CHG-43"));
        assertThat(posts).noneMatch(post -> post.contains("CHG-43"));
    }

    @Test
    void aMailServerDownAndAFailingWebhookNeitherHoldNorFailTheRun() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProcessEngine engine = engine("notify-broken", closedPort, "/broken");
        int before = brokenPosts.get();

        ProcessInstance run = startSwitchover(engine);

        Task gate = engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult();
        assertThat(gate.getName()).isEqualTo("Approve the switchover of QMDR");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (brokenPosts.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(brokenPosts.get()).as("the webhook was tried").isEqualTo(before + 1);
        engine.getTaskService().complete(gate.getId(), Map.of("switchoverDecision", "approve"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult().getName())
                .isEqualTo("Check QMDR after the switchover");
    }

    private static ProcessInstance startSwitchover(ProcessEngine engine) {
        return engine.getRuntimeService().startProcessInstanceByKey("notifyTestProcess", "CHG-42",
                Map.of("queueManager", "QMDR", "initiator", "lead"));
    }

    private static synchronized ProcessEngine engine(String name, int smtpPort, String hookPath) {
        return engines.computeIfAbsent(name + smtpPort, key -> build(name, smtpPort, hookPath));
    }

    private static ProcessEngine build(String name, int smtpPort, String hookPath) {
        NotifyProperties properties = new NotifyProperties(URI.create(PUBLIC_URL + "/"),
                new NotifyProperties.Mail(true, "127.0.0.1", smtpPort, "", "", false, "mq-runbooks@example.test",
                        Duration.ofSeconds(2)),
                new NotifyProperties.Webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + hookPath,
                        Duration.ofSeconds(2)));
        ProcessEngine[] built = new ProcessEngine[1];
        TaskNotifications notifications = new TaskNotifications(() -> built[0].getIdentityService(),
                List.of(new MailChannel(NotifyConfiguration.mailSender(properties.mail()), properties.mail().from()),
                        new WebhookChannel(URI.create(properties.webhook().url()), properties.webhook().timeout())));
        closing.add(notifications);

        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        configuration.setProcessEnginePlugins(List.of(new NotifyPlugin(notifications, properties)));
        built[0] = configuration.buildProcessEngine();
        closing.add(built[0]::close);
        users(built[0].getIdentityService());
        built[0].getRepositoryService().createDeployment()
                .addModelInstance("notifyTestProcess.bpmn", switchover())
                .addModelInstance("failingRunProcess.bpmn", failingRun())
                .deploy();
        return built[0];
    }

    private static BpmnModelInstance switchover() {
        return Bpmn.createExecutableProcess("notifyTestProcess").name("RDQM DR switchover")
                .startEvent()
                .userTask("userTask_approveSwitchover").name("Approve the switchover of ${queueManager}")
                .camundaCandidateGroups("change-managers")
                .userTask("userTask_check").name("Check ${queueManager} after the switchover")
                .camundaCandidateGroups("mq-operators")
                .endEvent()
                .done();
    }

    /** Creates a gate and then fails in the same transaction. */
    private static BpmnModelInstance failingRun() {
        return Bpmn.createExecutableProcess("failingRunProcess").name("Failing run")
                .startEvent()
                .parallelGateway("fork")
                .userTask("userTask_approve").name("Approve ${queueManager}").camundaCandidateGroups("change-managers")
                .endEvent()
                .moveToNode("fork")
                .serviceTask("serviceTask_fail").camundaExpression("${doesNotExist.fail()}")
                .endEvent()
                .done();
    }

    private static void users(IdentityService identity) {
        identity.saveGroup(group(identity, "change-managers"));
        identity.saveGroup(group(identity, "mq-operators"));
        user(identity, "changemgr", "changemgr@example.test", "change-managers");
        user(identity, "nomail", null, "change-managers");
        user(identity, "lead", "lead@example.test", "change-managers", "mq-operators");
        user(identity, "operator", "operator@example.test", "mq-operators");
    }

    private static Group group(IdentityService identity, String id) {
        Group group = identity.newGroup(id);
        group.setName(id);
        return group;
    }

    private static void user(IdentityService identity, String id, String email, String... groups) {
        User user = identity.newUser(id);
        user.setEmail(email);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }
}
