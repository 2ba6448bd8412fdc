package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

/** Review E: the user name of a refused login is the caller's text; it writes no line of its own into the log. */
@ExtendWith(OutputCaptureExtension.class)
class RefusedLoginsTest {

    @Test
    void aUserNameWithLineSeparatorsOrBidiControlsStaysOnItsOwnLogLine(CapturedOutput log) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/runs");
        request.setRemoteAddr("203.0.113.9");

        RefusedLogins.log(request, "x\u2028forged INFO admin approved\u0085next\u202Eevil\nline");

        String line = log.getOut().lines().filter(l -> l.contains("Refused HTTP Basic login")).findFirst().orElseThrow();
        assertThat(line).contains("user 'x\\u2028forged INFO admin approved\\u0085next\\u202Eevil\\nline' from"
                + " 203.0.113.9 on /api/runs");
        assertThat(log.getOut()).doesNotContain("\u2028").doesNotContain("\u0085").doesNotContain("\u202E");
    }
}
