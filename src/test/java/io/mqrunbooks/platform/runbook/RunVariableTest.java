package io.mqrunbooks.platform.runbook;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.instantVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.jsonListVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.jsonVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.textVariable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.RunbookRefusal;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** Typed run variables, the run log, deadlines and refusals over a scope that stores as the engine does. */
class RunVariableTest {

    record Sample(String queue, int depth, Instant at) {
    }

    /** What the engine keeps: a JSON value as its text (the engine hands back a Spin node, whose text it is). */
    final Map<String, Object> stored = new HashMap<>();
    final VariableScope scope = (VariableScope) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getVariable", "getVariableLocal" -> stored.get((String) args[0]);
                case "setVariable", "setVariableLocal" -> {
                    stored.put((String) args[0], args[1] instanceof JsonValue json ? json.getValueSerialized() : args[1]);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aValueIsWrittenUnderItsNameAndReadBackAsItsType() {
        RunVariable<Integer> polls = intVariable("takeoverPolls");
        polls.set(scope, 3);

        assertThat(stored).containsEntry("takeoverPolls", 3);
        assertThat(polls.get(scope)).isEqualTo(3);
        assertThat(polls.name()).isEqualTo("takeoverPolls");
    }

    @Test
    void aMissingValueFailsNamingTheVariableUnlessTheStepAllowsIt() {
        RunVariable<String> host = stringVariable("standbyHost");

        assertThatThrownBy(() -> host.get(scope)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Process variable 'standbyHost' is not set");
        assertThat(host.getOrNull(scope)).isNull();
        assertThat(host.getOrDefault(scope, "mi2")).isEqualTo("mi2");
        assertThat(host.isSet(scope)).isFalse();
    }

    @Test
    void aValueOfAnotherTypeFailsNamingTheVariableWhatItHoldsAndWhatWasExpected() {
        stored.put("primaryRunning", "yes");
        stored.put("listenerPort", "1414");

        assertThatThrownBy(() -> booleanVariable("primaryRunning").get(scope))
                .hasMessage("Process variable 'primaryRunning' holds String 'yes', not true or false");
        assertThatThrownBy(() -> intVariable("listenerPort").getOrNull(scope))
                .hasMessage("Process variable 'listenerPort' holds String '1414', not whole number");
    }

    @Test
    void aWholeNumberTheEngineKeptAsLongReadsAsAnIntWhenItFits() {
        stored.put("count", 7L);
        stored.put("huge", 1L << 40);

        assertThat(intVariable("count").get(scope)).isEqualTo(7);
        assertThatThrownBy(() -> intVariable("huge").get(scope)).hasMessageContaining("not whole number");
    }

    @Test
    void recordsAndListsTravelAsJsonNeverJavaSerialized() {
        RunVariable<List<Sample>> samples = jsonListVariable("drainSamples", Sample.class);
        Instant at = Instant.parse("2026-11-21T06:00:00Z");
        samples.set(scope, List.of(new Sample("DR.XMITQ", 5, at)));

        assertThat(stored.get("drainSamples"))
                .isEqualTo("[{\"queue\":\"DR.XMITQ\",\"depth\":5,\"at\":\"2026-11-21T06:00:00Z\"}]");
        assertThat(samples.get(scope)).containsExactly(new Sample("DR.XMITQ", 5, at));
    }

    @Test
    void jsonThatIsNotTheRecordExpectedFailsNamingTheVariable() {
        stored.put("plan", "[1, 2]");

        assertThatThrownBy(() -> jsonVariable("plan", Sample.class).get(scope))
                .hasMessageStartingWith("Process variable 'plan' is not the JSON expected (Sample): ");
    }

    @Test
    void anInstantIsKeptAsIsoTextForCockpitAndTimers() {
        RunVariable<Instant> deadline = instantVariable("drainDeadline");
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

        Deadlines.start(scope, deadline, clock, Duration.ofMinutes(30));

        assertThat(stored).containsEntry("drainDeadline", "2026-11-21T06:30:00Z");
        assertThat(Deadlines.passed(scope, deadline, clock)).isFalse();
        assertThat(Deadlines.passed(scope, deadline, Clock.offset(clock, Duration.ofMinutes(30)))).isTrue();
        Deadlines.startOnce(scope, deadline, Clock.offset(clock, Duration.ofHours(1)), Duration.ofMinutes(30));
        assertThat(stored).as("a wait already begun keeps its deadline").containsEntry("drainDeadline",
                "2026-11-21T06:30:00Z");
    }

    @Test
    void formTextLongerThanTheEnginesColumnIsCutAtALineEndSayingWhereTheRestIs() {
        String text = "DEFINE QLOCAL('Q') REPLACE\n".repeat(200);
        textVariable("script", "the baseline store").set(scope, text);

        String kept = (String) stored.get("script");
        assertThat(kept.length()).isLessThan(4000);
        assertThat(kept).startsWith("DEFINE QLOCAL('Q') REPLACE\n")
                .endsWith("REPLACE\n* ... " + (text.length() - kept.indexOf("* ... "))
                        + " more characters; the whole text: the baseline store\n");
    }

    @Test
    void theRunLogKeepsItsLatestLinesWithinTheLimit() {
        RunVariable<String> log = RunbookVariables.RUN_LOG;
        RunText.appendLine(scope, log, "first");
        RunText.appendLine(scope, log, "second");
        assertThat(log.get(scope)).isEqualTo("first\nsecond");

        for (int line = 0; line < 300; line++) {
            RunText.appendLine(scope, log, "line " + line + " of the run");
        }
        assertThat(log.get(scope)).hasSizeLessThan(4000).startsWith("(earlier lines are in the run's history)\n")
                .endsWith("\nline 299 of the run").doesNotContain("first");
    }

    @Test
    void aRefusalBecomesTheNamedBpmnErrorAndTheRunsOutcome() {
        assertThatThrownBy(() -> Refusals.decide(scope, () -> {
            throw new RunbookRefusal("DR_NOT_NORMAL", "DR status of QMDR is Inconsistent");
        })).isInstanceOfSatisfying(BpmnError.class, error -> {
            assertThat(error.getErrorCode()).isEqualTo("DR_NOT_NORMAL");
            assertThat(error.getMessage()).contains("DR status of QMDR is Inconsistent");
        });
        assertThat(stored).containsEntry("outcome", "aborted: DR status of QMDR is Inconsistent")
                .containsEntry("refusalCode", "DR_NOT_NORMAL")
                .containsEntry("refusalReason", "DR status of QMDR is Inconsistent");
    }

    @Test
    void aTechnicalFaultIsNoRefusalAndPassesThroughToBecomeAnIncident() {
        assertThatThrownBy(() -> Refusals.decide(scope, () -> {
            throw new IllegalStateException("ssh: connection refused");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("ssh: connection refused");
        assertThat(stored).isEmpty();
    }
}
