package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy;
import org.springframework.mock.env.MockEnvironment;

/**
 * Review G: with forwarded headers on and Tomcat's default internal proxies (every private address), any client on
 * the LAN chose the address the login throttle counts. The start is refused unless the trusted proxies are named.
 */
class TrustedProxiesTest {

    private static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1";
    private static final String HOW = " Set server.tomcat.remoteip.internal-proxies to the proxy's address alone, a"
            + " regular expression (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1 for a proxy on this host, as the prod profile"
            + " does; docs/production.md \"TLS\").";

    @Test
    void nativeForwardedHeadersWithTomcatsDefaultProxiesStopTheStartNamingBothSettings() {
        ServerProperties server = server(ForwardHeadersStrategy.NATIVE);

        assertThatThrownBy(() -> TrustedProxies.check(server, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("server.forward-headers-strategy is native and server.tomcat.remoteip.internal-proxies is"
                        + " left at Tomcat's default, which trusts every private address: any client on such a"
                        + " network could forge X-Forwarded-For, and the login throttle counts refusals per that"
                        + " address." + HOW);
    }

    @Test
    void theFrameworkStrategyBelievesEveryClientAndIsRefused() {
        ServerProperties server = server(ForwardHeadersStrategy.FRAMEWORK);
        server.getTomcat().getRemoteip().setInternalProxies(LOOPBACK);

        assertThatThrownBy(() -> TrustedProxies.check(server, new MockEnvironment()))
                .hasMessage("server.forward-headers-strategy is framework: Spring's forwarded-header filter believes"
                        + " X-Forwarded-For from every client, whatever server.tomcat.remoteip.internal-proxies says,"
                        + " and the login throttle counts refusals per that address. Use native." + HOW);
    }

    @Test
    void forwardedHeadersTurnedOnOtherwiseAreRefusedWithTheDefaultProxiesToo() {
        MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
        assertThatThrownBy(() -> TrustedProxies.check(server(null), kubernetes))
                .hasMessageStartingWith("server.forward-headers-strategy is not set and the platform (KUBERNETES)"
                        + " turns forwarded headers on and server.tomcat.remoteip.internal-proxies is left at");
        ServerProperties protocolHeader = server(null);
        protocolHeader.getTomcat().getRemoteip().setProtocolHeader("X-Forwarded-Proto");
        assertThatThrownBy(() -> TrustedProxies.check(protocolHeader, new MockEnvironment()))
                .hasMessageStartingWith("server.tomcat.remoteip.remote-ip-header or protocol-header is set and");
    }

    @Test
    void namedProxiesOrNoForwardedHeadersStart() {
        ServerProperties loopbackOnly = server(ForwardHeadersStrategy.NATIVE);
        loopbackOnly.getTomcat().getRemoteip().setInternalProxies(LOOPBACK);

        assertThatCode(() -> TrustedProxies.check(loopbackOnly, new MockEnvironment())).doesNotThrowAnyException();
        assertThatCode(() -> TrustedProxies.check(server(null), new MockEnvironment())).doesNotThrowAnyException();
        assertThatCode(() -> TrustedProxies.check(server(ForwardHeadersStrategy.NONE), new MockEnvironment()))
                .doesNotThrowAnyException();
    }

    private static ServerProperties server(ForwardHeadersStrategy strategy) {
        ServerProperties server = new ServerProperties();
        server.setForwardHeadersStrategy(strategy);
        return server;
    }
}
