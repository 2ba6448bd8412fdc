package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.lab.LabCommandLine.Timeout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabCommandLineTest {

    @Test
    void splitsOnBlanksAndHonoursQuotes() {
        LabCommandLine line = LabCommandLine.parse("dspmq  -m 'QM 1' -o\t\"status\" a'b'\"c\" ''", "mqm");

        assertThat(line.argv()).containsExactly("dspmq", "-m", "QM 1", "-o", "status", "abc", "");
        assertThat(line.runAs()).isEqualTo("mqm");
        assertThat(line.timeout()).isNull();
    }

    @Test
    void sudoMakesTheUserRootAndIsTakenOff() {
        assertThat(LabCommandLine.parse("sudo -n strmqm QM1", "mqm"))
                .isEqualTo(new LabCommandLine(List.of("strmqm", "QM1"), "root", null));
        assertThat(LabCommandLine.parse("sudo strmqm QM1", "mqm").runAs()).isEqualTo("root");
        assertThat(LabCommandLine.parse("sudo -n -u mqm dspmq", "admin").runAs()).isEqualTo("mqm");
    }

    @Test
    void everyWrapperAnSshClientMightUseIsTakenOff() {
        LabCommandLine line = LabCommandLine.parse(
                "sh -c 'exec sudo -n timeout -s KILL 30 env LC_ALL=C /opt/mqm/bin/runmqsc QM1'", "mqm");

        assertThat(line.argv()).containsExactly("/opt/mqm/bin/runmqsc", "QM1");
        assertThat(line.program()).isEqualTo("runmqsc");
        assertThat(line.runAs()).isEqualTo("root");
        assertThat(line.timeout()).isEqualTo(new Timeout(Duration.ofSeconds(30), 137));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "env LC_ALL=C LANG=C timeout --signal=KILL 60s sudo -n dspmq -m QM1  # C",
            "LANG=zh_CN.UTF-8 LC_MESSAGES=en_US.UTF-8 dspmq -m QM1              # en_US.UTF-8",
            "LANG=zh_CN.UTF-8 sudo -n LC_ALL= dspmq -m QM1                      # zh_CN.UTF-8",
            "sudo -n env LANG=C dspmq -m QM1                                    # C",
            "LC_ALL=zh_CN.UTF-8 env -u LC_ALL LANG=C dspmq -m QM1                # C",
            "LC_ALL=zh_CN.UTF-8 env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 dspmq -m QM1 # C"})
    void theMessageLocaleIsLcAllElseLcMessagesElseLang(String commandLine, String locale) {
        LabCommandLine line = LabCommandLine.parse(commandLine.strip(), "mqm");

        assertThat(line.argv()).containsExactly("dspmq", "-m", "QM1");
        assertThat(line.messageLocale()).isEqualTo(locale);
        assertThat(LabCommandLine.parse("sudo -n dspmq -m QM1", "mqm").messageLocale()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "'timeout 30 dspmq', 30000, 124",
            "'timeout 1.5s dspmq', 1500, 124",
            "'timeout 2m dspmq', 120000, 124",
            "'timeout -k 5 10 dspmq', 10000, 124",
            "'timeout --signal=KILL 10 dspmq', 10000, 137",
            "'timeout -sKILL 10 dspmq', 10000, 137",
            "'timeout -s 9 10 dspmq', 10000, 137",
            "'timeout --preserve-status 10 dspmq', 10000, 143",
            "'timeout 60 timeout 5 dspmq', 5000, 124"})
    void timeoutWrapperGivesDurationAndExitCode(String commandLine, long millis, int exitCode) {
        LabCommandLine line = LabCommandLine.parse(commandLine, "mqm");

        assertThat(line.argv()).containsExactly("dspmq");
        assertThat(line.timeout()).isEqualTo(new Timeout(Duration.ofMillis(millis), exitCode));
    }

    @Test
    void timeoutOfZeroMeansNoLimit() {
        assertThat(LabCommandLine.parse("timeout 0 dspmq", "mqm").timeout()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "dspmq; rm -rf /          # ;",
            "dspmq && strmqm QM1      # &&",
            "dspmq || true            # ||",
            "dspmq | grep QM1         # |",
            "echo $(id)               # $(",
            "echo `id`                # `",
            "dspmq > /tmp/out         # >",
            "runmqsc QM1 < /etc/passwd# <",
            "dspmq &                  # &",
            "echo $HOME               # $",
            "sh -c 'dspmq; id'        # ;"})
    void shellOperatorsAreRefusedWithExitTwo(String commandLine, String operator) {
        assertThatThrownBy(() -> LabCommandLine.parse(commandLine, "mqm"))
                .isInstanceOfSatisfying(LabShellException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("bash: -c: line 1: shell syntax '" + operator
                        + "' refused: the lab estate runs one plain command, not a shell");
    }

    @Test
    void unbalancedQuoteIsASyntaxError() {
        assertThatThrownBy(() -> LabCommandLine.parse("dspmq -m 'QM1", "mqm"))
                .isInstanceOfSatisfying(LabShellException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("bash: -c: line 1: unexpected EOF while looking for matching `''");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timeout soon dspmq      | 125 | timeout: invalid time interval 'soon'",
            "timeout 5               | 125 | timeout: missing operand",
            "timeout -s WAKE 5 dspmq | 125 | timeout: WAKE: invalid signal",
            "sudo -z dspmq           | 1   | sudo: invalid option -- 'z'",
            "sudo -n                 | 1   | usage: sudo [-n] [-u user] command",
            "sh -x dspmq             | 2   | sh: option -x refused: the lab estate runs one plain command, not a shell"})
    void badWrapperArgumentsGiveTheWrappersOwnError(String commandLine, int exitCode, String message) {
        assertThatThrownBy(() -> LabCommandLine.parse(commandLine, "mqm"))
                .isInstanceOfSatisfying(LabShellException.class, e -> assertThat(e.exitCode()).isEqualTo(exitCode))
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyLineHasNoCommand(String commandLine) {
        assertThat(LabCommandLine.parse(commandLine, "mqm").isEmpty()).isTrue();
    }
}
