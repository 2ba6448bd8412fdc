package io.mqrunbooks.adapter.outbound.mq.pcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.port.out.MqAdminPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The beans as Spring builds them: the adapter is named pcfMqAdmin and binds mqrunbooks.mq.*. */
class PcfWiringTest {

    @Configuration
    @EnableConfigurationProperties(MqClientProperties.class)
    @Import({ClientPcfConnectionFactory.class, PcfMqAdmin.class})
    static class PcfBeans {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PcfBeans.class)
            .withPropertyValues("mqrunbooks.mq.default-channel=MQRB.ADMIN.SVRCONN",
                    "mqrunbooks.mq.credentials.QM1.user=mqrbadm");

    @Test
    void theAdapterIsTheBeanNamedPcfMqAdmin() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean("pcfMqAdmin")).isInstanceOf(PcfMqAdmin.class).isInstanceOf(MqAdminPort.class);
            assertThat(ctx.getBean(MqClientProperties.class).defaultChannel()).isEqualTo("MQRB.ADMIN.SVRCONN");
        });
    }

    @Test
    void withoutAnInventoryTheFirstCallSaysSo() {
        context.run(ctx -> assertThatThrownBy(() -> ctx.getBean(PcfMqAdmin.class).queueManagerStatus("QM1"))
                .hasMessage("QM1: cannot connect over PCF: No estate inventory is loaded; the PCF transport takes each"
                        + " queue manager's host and listener port from it"));
    }
}
