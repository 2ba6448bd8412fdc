package io.mqrunbooks.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The throttle of refused logins per client address ({@code mqrunbooks.security.login-throttle.*},
 * docs/security.md "Logins and sessions").
 *
 * @param maxRefused   refused logins from one address within {@code window} after which its logins get 429
 * @param window       how long refusals count, and how long an address stays throttled after its last attempt
 * @param maxAddresses addresses remembered at once; beyond it the least recently seen is forgotten
 */
@ConfigurationProperties("mqrunbooks.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("10") int maxRefused,
                                      @DefaultValue("15m") Duration window,
                                      @DefaultValue("10000") int maxAddresses) {

    private static final String PREFIX = "mqrunbooks.security.login-throttle.";

    public LoginThrottleProperties {
        if (maxRefused < 1 || maxRefused > 1_000) {
            throw new IllegalArgumentException(PREFIX + "max-refused must be 1 to 1000, was " + maxRefused);
        }
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(PREFIX + "window must be 1s to 1d, was " + window);
        }
        if (maxAddresses < 1 || maxAddresses > 1_000_000) {
            throw new IllegalArgumentException(PREFIX + "max-addresses must be 1 to 1000000, was " + maxAddresses);
        }
    }
}
