package io.mqrunbooks.application.port.out;

import java.time.Duration;

/**
 * What a remote command did.
 *
 * @param host        the logical host name from the inventory
 * @param commandLine the command line as sent (without any sudo or deadline wrapper)
 * @param exitCode    the command's exit status
 * @param stdout      standard output, capped
 * @param stderr      standard error, capped
 * @param duration    wall time of the call
 * @param truncated   true when stdout or stderr was cut at the cap
 */
public record CommandResult(String host, String commandLine, int exitCode, String stdout, String stderr,
                            Duration duration, boolean truncated) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
