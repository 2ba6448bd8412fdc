package io.mqrunbooks.platform.run;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.control.EndMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ports refuse a change from a step that holds no approval, or outside the run's sealed scope. */
class EstateChangeGuardTest {

    private final MqControlPort control = mock(MqControlPort.class);
    private final MqAdminPort admin = mock(MqAdminPort.class);
    private final MqControlPort guardedControl = EstateChangeGuard.guard(control);
    private final MqAdminPort guardedAdmin = EstateChangeGuard.guard(admin);
    private final RunScope scope = new RunScope(Set.of("QMDR", "FR1"), Set.of("dr1", "dr2"));

    @Test
    void outsideAnyRunStepNoChangePassesUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> guardedControl.end("dr9", "QM9", EndMode.WAIT, false))
                .isInstanceOf(RunGuardException.class)
                .hasMessage("end changes the estate, but was called outside any runbook step: only a step of a run"
                        + " approved by someone other than its initiator changes the estate; nothing was changed");
        guardedControl.status("dr9", "QM9");
        try (EstateChangeGuard.OutsideRun setUp = EstateChangeGuard.outsideRun("a lab test's set-up")) {
            guardedAdmin.putTestMessage("QM9", "Q", "00", "x");
        }
        assertThatThrownBy(() -> guardedAdmin.putTestMessage("QM9", "Q", "01", "x"))
                .isInstanceOf(RunGuardException.class);

        verify(control, never()).end("dr9", "QM9", EndMode.WAIT, false);
        verify(control).status("dr9", "QM9");
        verify(admin).putTestMessage("QM9", "Q", "00", "x");
        verify(admin, never()).putTestMessage("QM9", "Q", "01", "x");
    }

    @Test
    void aStepThatNamesNoGateChangesNothing() throws Exception {
        try (AutoCloseable step = StepMandate.enter(new StepMandate("run-1", "serviceTask_x", "Do it", scope, List.of()))) {
            assertThatThrownBy(() -> guardedControl.end("dr1", "QMDR", EndMode.WAIT, false))
                    .isInstanceOf(RunGuardException.class)
                    .hasMessage("Step 'Do it' (serviceTask_x) of run run-1 would change the estate (end on dr1/QMDR)"
                            + " but its process model names no approval gate for it (property approvedBy);"
                            + " nothing was changed");
            guardedControl.status("dr1", "QMDR");
        }
        verify(control, never()).end("dr1", "QMDR", EndMode.WAIT, false);
        verify(control).status("dr1", "QMDR");
    }

    @Test
    void anApprovedStepChangesOnlyItsScope() throws Exception {
        try (AutoCloseable step = StepMandate.enter(new StepMandate("run-1", "serviceTask_end", "End it", scope,
                List.of("userTask_approve")))) {
            guardedControl.end("dr1", "QMDR", EndMode.WAIT, false);
            guardedAdmin.putTestMessage("FR1", "Q", "00", "x");
            assertThatThrownBy(() -> guardedControl.end("mqeast1", "QMDR", EndMode.WAIT, false))
                    .hasMessageContaining("would change host mqeast1, which is not in the run's sealed scope"
                            + " (queue managers [FR1, QMDR], hosts [dr1, dr2])");
            assertThatThrownBy(() -> guardedAdmin.run("QM1", ObjectCommand.STOP_CHANNEL, "TO.X"))
                    .hasMessageContaining("would change queue manager QM1, which is not in the run's sealed scope");
        }
        verify(control).end("dr1", "QMDR", EndMode.WAIT, false);
        verify(admin).putTestMessage("FR1", "Q", "00", "x");
        verify(admin, never()).run("QM1", ObjectCommand.STOP_CHANNEL, "TO.X");
        assertThat(StepMandate.current()).isEmpty();
    }
}
