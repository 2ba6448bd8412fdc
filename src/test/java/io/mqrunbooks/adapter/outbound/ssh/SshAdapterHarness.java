package io.mqrunbooks.adapter.outbound.ssh;

import io.mqrunbooks.application.port.out.SshException;
import java.time.Duration;

/** Small helpers shared by the adapter tests. */
final class SshAdapterHarness {

    record Timed<T extends Throwable>(T failure, Duration elapsed) {
    }

    private SshAdapterHarness() {
    }

    /** Runs a call that must fail with an SshException and reports how long it took to fail. */
    static Timed<SshException> timed(Runnable call) {
        long started = System.nanoTime();
        try {
            call.run();
        } catch (SshException e) {
            return new Timed<>(e, Duration.ofNanos(System.nanoTime() - started));
        }
        throw new AssertionError("the call returned instead of failing");
    }
}
