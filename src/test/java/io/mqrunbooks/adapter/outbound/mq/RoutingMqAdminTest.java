package io.mqrunbooks.adapter.outbound.mq;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.estate.Estate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class RoutingMqAdminTest {

    private static final Estate ESTATE = FakeSshPort.estate("""
            sites: [{ name: east }]
            hosts:
              - { name: h1, address: 127.0.0.1, port: 22001, user: mqm, site: east }
              - { name: h2, address: 127.0.0.1, port: 22002, user: mqm, site: east }
              - { name: h3, address: 127.0.0.1, port: 22003, user: mqm, site: east }
            queueManagers:
              - name: SSHQM
                kind: single
                hosts: [h1]
                listener: { name: LISTENER.TCP, port: 1414 }
              - name: PCFQM
                kind: single
                hosts: [h2]
                listener: { name: LISTENER.TCP, port: 1415 }
                transport: pcf
                pcf: { channel: SYSTEM.ADMIN.SVRCONN }
                backup: { queueManager: PCFQM_DR, host: h3, level: warm }
            """);

    private final FakeSshPort ssh = new FakeSshPort();
    private final QueueManagerLocator locator = new QueueManagerLocator(ESTATE, new SshMqControl(ESTATE, ssh));
    private final MqscOverSshAdmin mqsc = new MqscOverSshAdmin(ESTATE, ssh, locator);
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final RoutingMqAdmin routing = new RoutingMqAdmin(mqsc, locator, beans);

    @Test
    void mqscSshQueueManagersGoToRunmqsc() {
        ssh.answer(0, """
                5724-H72 (C) Copyright IBM Corp. 1994, 2024.
                Starting MQSC for queue manager SSHQM.


                     1 : DISPLAY QLOCAL('Q1') CURDEPTH
                AMQ8409I: Display Queue details.
                   QUEUE(Q1)                               TYPE(QLOCAL)
                   CURDEPTH(7)
                One MQSC command read.
                No commands have a syntax error.
                All valid MQSC commands were processed.
                """);

        assertThat(routing.queueDepth("SSHQM", "Q1")).isEqualTo(7);
        assertThat(ssh.commandLines()).containsExactly("h1: runmqsc SSHQM");
    }

    @Test
    void pcfQueueManagersAndTheirDistinctNamedBackupsGoToThePcfBean() {
        MqAdminPort pcf = mock(MqAdminPort.class);
        when(pcf.queueDepth("PCFQM", "Q1")).thenReturn(3);
        when(pcf.queueDepth("PCFQM_DR", "Q1")).thenReturn(4);
        beans.registerSingleton("pcfMqAdmin", pcf);

        assertThat(routing.queueDepth("PCFQM", "Q1")).isEqualTo(3);
        assertThat(routing.queueDepth("PCFQM_DR", "Q1")).isEqualTo(4);
        routing.run("PCFQM", ObjectCommand.STOP_CHANNEL, "TO.X");
        verify(pcf).run("PCFQM", ObjectCommand.STOP_CHANNEL, "TO.X");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void pcfConfiguredButAbsentIsAClearError() {
        assertThatThrownBy(() -> routing.queueDepth("PCFQM", "Q1"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("queue manager PCFQM has transport: pcf in the inventory, but this build has no PCF"
                        + " transport (no bean 'pcfMqAdmin'); use transport: mqsc-ssh or deploy a build with the PCF"
                        + " adapter");
    }
}
