package io.mqrunbooks.platform.security;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Who may name the client's address: the login throttle counts refusals per {@code request.getRemoteAddr()}, which
 * a trusted proxy's {@code X-Forwarded-For} replaces. Tomcat's default list of trusted proxies is every private
 * address, so any client on the LAN could lock out another address (the on-call jump host's) or guess without limit
 * under a fresh forged address each time (Review G). The start is refused unless the trusted proxies are named.
 */
final class TrustedProxies {

    /** Tomcat's default {@code server.tomcat.remoteip.internal-proxies}: 10/8, 172.16/12, 192.168/16, loopback... */
    static final String TOMCAT_DEFAULT = new ServerProperties().getTomcat().getRemoteip().getInternalProxies();
    private static final String HOW = "Set server.tomcat.remoteip.internal-proxies to the proxy's address alone, a"
            + " regular expression (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1 for a proxy on this host, as the prod profile"
            + " does; docs/production.md \"TLS\")";

    private TrustedProxies() {
    }

    /** Refuses forwarded client addresses believed from any peer; whatever the proxy settings, says which to set. */
    static void check(ServerProperties server, Environment environment) {
        ForwardHeadersStrategy strategy = server.getForwardHeadersStrategy();
        if (strategy == ForwardHeadersStrategy.FRAMEWORK) {
            throw new IllegalStateException("server.forward-headers-strategy is framework: Spring's forwarded-header"
                    + " filter believes X-Forwarded-For from every client, whatever server.tomcat.remoteip"
                    + ".internal-proxies says, and the login throttle counts refusals per that address. Use native. "
                    + HOW + ".");
        }
        ServerProperties.Tomcat.Remoteip remoteIp = server.getTomcat().getRemoteip();
        CloudPlatform platform = CloudPlatform.getActive(environment);
        String why;
        if (strategy == ForwardHeadersStrategy.NATIVE) {
            why = "server.forward-headers-strategy is native";
        } else if (strategy == null && platform != null && platform.isUsingForwardHeaders()) {
            why = "server.forward-headers-strategy is not set and the platform (" + platform + ") turns forwarded"
                    + " headers on";
        } else if (StringUtils.hasText(remoteIp.getRemoteIpHeader()) || StringUtils.hasText(remoteIp.getProtocolHeader())) {
            // either turns Tomcat's forwarded headers on, X-Forwarded-For included (Spring Boot's RemoteIpValve)
            why = "server.tomcat.remoteip.remote-ip-header or protocol-header is set";
        } else {
            return;
        }
        if (TOMCAT_DEFAULT.equals(remoteIp.getInternalProxies())) {
            throw new IllegalStateException(why + " and server.tomcat.remoteip.internal-proxies is left at Tomcat's"
                    + " default, which trusts every private address: any client on such a network could forge"
                    + " X-Forwarded-For, and the login throttle counts refusals per that address. " + HOW + ".");
        }
    }
}
