package io.mqrunbooks.platform.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings ({@code mqrunbooks.ops.*}).
 *
 * @param hostCheckTimeout  connect timeout of one host's SSH port probe in the {@code estateHosts} health
 * @param hostCheckCacheFor how long a probe's answer is reused
 */
@ConfigurationProperties("mqrunbooks.ops")
public record OpsProperties(@DefaultValue("1s") Duration hostCheckTimeout,
                            @DefaultValue("30s") Duration hostCheckCacheFor) {

    public OpsProperties {
        if (hostCheckTimeout.isNegative() || hostCheckTimeout.isZero() || hostCheckTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mqrunbooks.ops.host-check-timeout must be positive, was " + hostCheckTimeout);
        }
        if (hostCheckCacheFor.isNegative()) {
            throw new IllegalArgumentException("mqrunbooks.ops.host-check-cache-for must not be negative, was "
                    + hostCheckCacheFor);
        }
    }
}
