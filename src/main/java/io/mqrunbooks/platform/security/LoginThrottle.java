package io.mqrunbooks.platform.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refused logins per client address: after {@code maxRefused} within a window the address is throttled, and each
 * further attempt from it is refused before any password is checked, renewing the throttle for a window. So a
 * guesser's attempts stop reaching the engine, whose login delay is per user (docs/security.md "Logins and
 * sessions"), and the user logs in from elsewhere once the delay their first guesses caused has passed.
 * Bounded: at most {@code maxAddresses} are kept, the least recently seen forgotten first. An IPv6 address counts
 * as its /64, which one client commonly holds whole. In memory, per server: a restart forgets it.
 */
public class LoginThrottle {

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Map<String, Refusals> byAddress;

    public LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.byAddress = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Refusals> eldest) {
                return size() > settings.maxAddresses();
            }
        };
    }

    /**
     * How long the address must wait, if it is throttled: this attempt renews the throttle, so only an address that
     * stops trying for a window gets in again.
     */
    public synchronized Optional<Duration> throttled(String address) {
        Refusals refusals = byAddress.get(key(address));
        Instant now = clock.instant();
        if (refusals == null || refusals.throttledUntil == null || !now.isBefore(refusals.throttledUntil)) {
            return Optional.empty();
        }
        refusals.throttledUntil = now.plus(settings.window());
        return Optional.of(settings.window());
    }

    /** Counts a refused login from the address; true if this one throttles it. */
    public synchronized boolean refused(String address) {
        Instant now = clock.instant();
        Refusals refusals = byAddress.computeIfAbsent(key(address), a -> new Refusals(now));
        if (!now.isBefore(refusals.since.plus(settings.window()))) {
            refusals.since = now;
            refusals.count = 0;
        }
        refusals.count++;
        if (refusals.count >= settings.maxRefused()) {
            boolean starts = refusals.throttledUntil == null || !now.isBefore(refusals.throttledUntil);
            refusals.throttledUntil = now.plus(settings.window());
            return starts;
        }
        return false;
    }

    /** Forgets every address, throttled or not (as a restart does). */
    public synchronized void forgetAll() {
        byAddress.clear();
    }

    synchronized int addressesKept() {
        return byAddress.size();
    }

    /** The address, or for IPv6 its /64; text that is no IP literal (never resolved) as it is. */
    static String key(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            // a text with ':' is parsed as an IPv6 literal only, never looked up
            InetAddress parsed = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]");
            if (parsed instanceof Inet6Address) {
                byte[] prefix = java.util.Arrays.copyOf(parsed.getAddress(), 16);
                java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    private static final class Refusals {
        Instant since;
        int count;
        Instant throttledUntil;

        Refusals(Instant since) {
            this.since = since;
        }
    }
}
