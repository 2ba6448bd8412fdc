package io.mqrunbooks.adapter.outbound.mq.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunmqscResponseParserTest {

    private final RunmqscResponseParser parser = new RunmqscResponseParser();

    @Test
    void readsAScriptWithEchoedCommentsAndEnd() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "define-script-with-comments.txt"));
        assertThat(result.queueManager()).isEqualTo("RDQMDRHAQM1");
        assertThat(result.echoed()).isTrue();
        assertThat(result.commands()).extracting(RunmqscResult.Command::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(result.commands().get(0).text()).isEqualTo("define ql(queue1)");
        assertThat(result.commands().get(0).messages()).containsExactly(
                new MqMessage("AMQ8006", "I", "IBM MQ queue created."));
        assertThat(result.commands().get(6).text()).isEqualTo("end");
        assertThat(result.trailer()).isEqualTo(new RunmqscResult.Trailer(6, 0, 0));
    }

    @Test
    void readsScriptFromAnotherTranscript() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "config-script.txt"));
        assertThat(result.commands()).hasSize(7);
        assertThat(result.commands().get(5).hasMessage("AMQ8560")).isTrue();
    }

    @Test
    void readsADisplayedObjectInTwoColumns() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "display-queue-curdepth.txt"));
        RunmqscResult.Command command = result.commands().get(0);
        assertThat(command.text()).isEqualTo("dis ql(queue1) curdepth");
        assertThat(command.objects()).singleElement().satisfies(o -> {
            assertThat(o.heading()).isEqualTo(new MqMessage("AMQ8409", "I", "Display Queue details."));
            assertThat(List.copyOf(o.attributes().keySet())).containsExactly("QUEUE", "TYPE", "CURDEPTH");
            assertThat(o.attribute("CURDEPTH")).contains("1");
        });
        assertThat(result.trailer().commandsRead()).isEqualTo(1);
    }

    @Test
    void readsEchoLessOutputWithNestedParenthesesAndBareKeywords() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "e-mode-channels-chstatus-mq8.txt"));
        assertThat(result.echoed()).isFalse();
        assertThat(result.commands()).singleElement().satisfies(c -> {
            assertThat(c.number()).isZero();
            assertThat(c.text()).isNull();
            assertThat(c.objects()).hasSize(5);
            RunmqscResult.MqscObject status = c.objects().get(3);
            assertThat(status.heading().id()).isEqualTo("AMQ8417");
            assertThat(status.heading().severity()).isNull();
            assertThat(status.attributes()).containsEntry("CONNAME", "55.888.222.333(1414),22,333.444.555(1414)")
                    .containsEntry("CURRENT", null).containsEntry("SUBSTATE", " ").containsEntry("STATUS", "RETRYING");
            assertThat(c.objects().get(2).attribute("XMITQ")).contains(" ");
        });
        assertThat(result.trailer()).isEqualTo(new RunmqscResult.Trailer(5, 0, 0));
    }

    @Test
    void keepsASessionMessageBeforeAnyCommand() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "e-mode-qmgr-not-available.txt"));
        assertThat(result.sessionMessages()).containsExactly(
                new MqMessage("AMQ8146", null, "WebSphere MQ queue manager not available."));
        assertThat(result.commands()).isEmpty();
        assertThat(result.trailer()).isEqualTo(new RunmqscResult.Trailer(0, 0, 0));
    }

    @Test
    void attachesAnErrorToItsCommandAndCountsIt() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "start-channel-in-use-9.1.txt"));
        assertThat(result.commands().get(0).messages()).singleElement()
                .satisfies(m -> assertThat(m.isError()).isTrue());
        assertThat(result.trailer().notProcessed()).isEqualTo(1);
    }

    @Test
    void readsQuotedValuesContinuationsSyntaxErrorsAndNotFound() {
        String output = """
                5724-H72 (C) Copyright IBM Corp. 1994, 2024.
                Starting MQSC for queue manager QM1.


                     1 : DEFINE QLOCAL(Q1) +
                       : DESCR('a (b) c') REPLACE
                AMQ8006I: IBM MQ queue created.
                     2 : DISPLAY QLOCAL(Q1) DESCR
                AMQ8409I: Display Queue details.
                   QUEUE(Q1)                               TYPE(QLOCAL)
                   DESCR('a (b) c')
                     3 : DISPLAY QLOCAL(NOPE)
                AMQ8147E: IBM MQ object NOPE not found.
                     4 : DISPLAY QLOCAL(Q1) FRED
                AMQ8405I: Syntax error detected at or near end of command segment below:-
                DISPLAY QLOCAL(Q1) FRED

                AMQ8427I: Valid syntax for the MQSC command:

                   DISPLAY QLOCAL(generic_q_name)

                   [ ALL ]
                     5 : DISPLAY QLOCAL(LONG) DESCR
                AMQ8409I: Display Queue details.
                   QUEUE(LONG)                             TYPE(QLOCAL)
                   DESCR('a description that is long (and
                   continues)')
                5 MQSC commands read.
                One command has a syntax error.
                One valid MQSC command could not be processed.
                """;
        RunmqscResult result = parser.parse(output);
        assertThat(result.commands().get(0).text()).isEqualTo("DEFINE QLOCAL(Q1) DESCR('a (b) c') REPLACE");
        assertThat(result.commands().get(1).objects().get(0).attribute("DESCR")).contains("'a (b) c'");
        assertThat(result.commands().get(2).messages().get(0).id()).isEqualTo("AMQ8147");
        RunmqscResult.Command syntax = result.commands().get(3);
        assertThat(syntax.hasSyntaxError()).isTrue();
        assertThat(syntax.syntaxErrorSegment()).isEqualTo("DISPLAY QLOCAL(Q1) FRED");
        assertThat(syntax.detailLines()).containsExactly("DISPLAY QLOCAL(generic_q_name)", "[ ALL ]");
        assertThat(result.commands().get(4).objects().get(0).attribute("DESCR"))
                .contains("'a description that is long (andcontinues)'");
        assertThat(result.trailer()).isEqualTo(new RunmqscResult.Trailer(5, 1, 1));
    }

    /**
     * runmqsc prints values as stored, without MQSC's quotes (real samples: "DESCR(A list of queues for the queued
     * Pub/Sub interface to monitor)"), so DEFINE ... DESCR('Bob''s queue') displays as DESCR(Bob's queue). The
     * apostrophe used to open a quoted string that ran on to the next apostrophe, two lines and an AMQ message further.
     * Layout: IBM MQ 9.4 "DISPLAY QUEUE" (https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=commands-display-queue),
     * two columns from column 4, the second at column 44; CRLF as a Windows host prints it.
     */
    @Test
    void readsApostrophesInDisplayedValuesAsPartOfTheValue() {
        String output = displayQueuesSession("""
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.IN)                           TYPE(QLOCAL)
                   DESCR(Bob's payments)                   CURDEPTH(12)
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.OUT)                          TYPE(QLOCAL)
                   CURDEPTH(0)                             DESCR(Alice's (old) payments)
                """).replace("\n", "\r\n");

        List<RunmqscResult.MqscObject> queues = parser.parse(output).commands().get(0).objects();

        assertThat(queues).extracting(o -> o.attribute("QUEUE").orElseThrow()).containsExactly("PAY.IN", "PAY.OUT");
        assertThat(queues.get(0).attribute("DESCR")).contains("Bob's payments");
        assertThat(queues.get(0).attribute("CURDEPTH")).contains("12");
        assertThat(queues.get(1).attribute("DESCR")).contains("Alice's (old) payments");
        assertThat(queues.get(1).attribute("CURDEPTH")).contains("0");
    }

    /**
     * A value whose parentheses do not balance, as runmqsc prints it (DEFINE ... DESCR('Payments (EU') displays
     * DESCR(Payments (EU)): runmqsc's columns (items from column 4, the second at column 44, as in every DISPLAY
     * layout of the IBM MQ 9.4 MQSC reference, https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=reference-mqsc-commands)
     * say where each value ends. Before, the open parenthesis ran on into the next lines and the extra one was refused.
     * Blanks collapsed by a paste leave no columns: that is refused, not guessed.
     */
    @Test
    void readsUnbalancedParenthesesInValuesByRunmqscsColumns() {
        String output = displayQueuesSession("""
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.EU)                           TYPE(QLOCAL)
                   CURDEPTH(3)                             DESCR(Payments (EU)
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.DONE)                         TYPE(QLOCAL)
                   DESCR(Settled :-))                      CURDEPTH(0)
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.US)                           TYPE(QLOCAL)
                   DESCR(Payments for the United States region :) and Canada)
                   CURDEPTH(7)
                """);

        List<RunmqscResult.MqscObject> queues = parser.parse(output).commands().get(0).objects();

        assertThat(queues).extracting(o -> o.attribute("DESCR").orElseThrow()).containsExactly("Payments (EU",
                "Settled :-)", "Payments for the United States region :) and Canada");
        assertThat(queues).extracting(o -> o.attribute("CURDEPTH").orElseThrow()).containsExactly("3", "0", "7");
        String collapsed = output.replace("   DESCR(Settled :-))                      CURDEPTH(0)",
                "   DESCR(Settled :-)) CURDEPTH(0)");
        assertThatThrownBy(() -> parser.parse(collapsed)).hasMessageContaining("line 11 '   DESCR(Settled :-)) CURDEPTH(0)'");
    }

    @Test
    void acceptsLinesTypedAtAnInteractivePrompt() {
        String output = "5724-H72 (C) Copyright IBM Corp. 1994, 2025.\nStarting MQSC for queue manager QM1.\n\n\n"
                + "DEFINE QLOCAL(TEST.Q)\n1 : DEFINE QLOCAL(TEST.Q)\nAMQ8006I: IBM MQ queue created.\nEND\n2 : END\n"
                + "One MQSC command read.\nNo commands have a syntax error.\nAll valid MQSC commands were processed.\n";
        assertThat(parser.parse(output).commands()).extracting(RunmqscResult.Command::text)
                .containsExactly("DEFINE QLOCAL(TEST.Q)", "END");
    }

    @Test
    void skipsThePasswordPromptOfRunmqscU() {
        String output = "5724-H72 (C) Copyright IBM Corp. 1994, 2021.\nEnter password:\n*******\n"
                + "Starting MQSC for queue manager SSLDRHAQM1.\n\n     1 : DISPLAY QMGR SSLKEYR\n"
                + "AMQ8408I: Display Queue Manager details.\n   QMNAME(DRHAQM1)\n"
                + "   SSLKEYR(/var/mqm/vols/ssldrhaqm1/qmgr/ssldrhaqm1/ssl/key)\n"
                + "One MQSC command read.\nNo commands have a syntax error.\nAll valid MQSC commands were processed.\n";
        RunmqscResult result = parser.parse(output);
        assertThat(result.queueManager()).isEqualTo("SSLDRHAQM1");
        assertThat(result.commands().get(0).objects().get(0).attribute("SSLKEYR"))
                .contains("/var/mqm/vols/ssldrhaqm1/qmgr/ssldrhaqm1/ssl/key");
    }

    @Test
    void refusesCountsThatDisagree() {
        String wrongRead = Fixtures.read("runmqsc", "define-script-with-comments.txt")
                .replace("6 MQSC commands read.", "5 MQSC commands read.");
        assertThatThrownBy(() -> parser.parse(wrongRead)).isInstanceOf(MqOutputParseException.class)
                .hasMessage("runmqsc trailer at line 32 '5 MQSC commands read.': says 5 commands read but 6 were echoed");
        String hiddenFailure = Fixtures.read("runmqsc", "start-channel-in-use-9.1.txt")
                .replace("One valid MQSC command could not be processed.", "All valid MQSC commands were processed.");
        assertThatThrownBy(() -> parser.parse(hiddenFailure))
                .hasMessageContaining("says 0 valid commands could not be processed but 1 replied with an error");
        String syntax = Fixtures.read("runmqsc", "display-queue-curdepth.txt")
                .replace("No commands have a syntax error.", "One command has a syntax error.");
        assertThatThrownBy(() -> parser.parse(syntax))
                .hasMessageContaining("counts 1 syntax errors but 0 commands show AMQ8405");
    }

    @Test
    void refusesTruncatedOrGarbledSessions() {
        String full = Fixtures.read("runmqsc", "display-queue-curdepth.txt");
        String noTrailer = full.substring(0, full.indexOf("One MQSC command read."));
        assertThatThrownBy(() -> parser.parse(noTrailer)).hasMessage("the runmqsc trailer (\"N MQSC commands read.\","
                + " syntax errors, processed) is missing or incomplete: the output is cut short");
        String halfTrailer = full.substring(0, full.indexOf("All valid"));
        assertThatThrownBy(() -> parser.parse(halfTrailer)).hasMessageContaining("missing or incomplete");
        assertThatThrownBy(() -> parser.parse(full.replace("   CURDEPTH(1)", "   CURDEPTH(1")))
                .hasMessageContaining("a value is not closed and nothing continues it");
        assertThatThrownBy(() -> parser.parse(full.replace("   CURDEPTH(1)", "   CURDEPTH=1")))
                .hasMessageStartingWith("line 8 '   CURDEPTH=1': ");
        assertThatThrownBy(() -> parser.parse(full.replace("     1 : dis", "     2 : dis")))
                .hasMessageContaining("command number 2 out of order; expected 1");
        assertThatThrownBy(() -> parser.parse(full + "extra line\n"))
                .hasMessageContaining("output continues after the runmqsc trailer");
        assertThatThrownBy(() -> parser.parse(full.replace("AMQ8409I: Display Queue details.\n", "")))
                .hasMessageStartingWith("line 6 '   QUEUE(QUEUE1)                           TYPE(QLOCAL)': expected");
    }

    @Test
    void readsAnInteractiveSessionWithTheTypedCommandsBeforeTheirEchoes() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "interactive-define-end-9.1.txt"));
        assertThat(result.queueManager()).isEqualTo("QMA");
        assertThat(result.commands()).extracting(RunmqscResult.Command::text)
                .containsExactly("DEFINE QLOCAL (QUEUE1)", "end");
        assertThat(result.commands().get(0).hasMessage("AMQ8006")).isTrue();
        assertThat(result.isPartial()).isFalse();
    }

    @Test
    void joinsAWrappedListAndPlusContinuationsWithoutCuttingThem() {
        RunmqscResult result = parser.parse(Fixtures.read("runmqsc", "namelist-wrapped-and-continued-9.1.txt"));
        RunmqscResult.MqscObject namelist = result.commands().get(4).objects().get(0);
        assertThat(namelist.attribute("NAMES")).contains("SYSTEM.BROKER.DEFAULT.STREAM,SYSTEM.BROKER.ADMIN.STREAM");
        assertThat(namelist.attribute("DESCR")).contains("A list of queues for the queued Pub/Sub interface to monitor");
        assertThat(namelist.attribute("ALTTIME")).contains("17.07.08");
        assertThat(result.commands().get(5).text()).isEqualTo("ALTER NAMELIST(SYSTEM.QPUBSUB.QUEUE.NAMELIST)"
                + " NAMES(SYSTEM.BROKER.DEFAULT.STREAM,SYSTEM.BROKER.ADMIN.STREAM,SYSTEM.FTE)");
        assertThat(result.trailer()).isEqualTo(new RunmqscResult.Trailer(8, 0, 0));
    }

    @Test
    void readsAnExcerptThatStartsAtALaterCommandWithANote() {
        String whole = Fixtures.read("runmqsc", "namelist-wrapped-and-continued-9.1.txt");
        String fromCommand7 = whole.substring(whole.indexOf("     7 : DISPLAY QMGR PSMODE"));
        RunmqscResult result = single(fromCommand7);
        assertThat(result.commands()).extracting(RunmqscResult.Command::number).containsExactly(7, 8);
        assertThat(result.commands().get(0).objects().get(0).attribute("PSMODE")).contains("ENABLED");
        assertThat(result.notes()).containsExactly("the excerpt starts at command 7: commands 1 to 6 are not in it");
        assertThat(result.trailer().commandsRead()).isEqualTo(8);
        assertThatThrownBy(() -> parser.parse(fromCommand7)).hasMessageContaining("command number 7 out of order;"
                + " expected 1");
        String wrongCount = fromCommand7.replace("8 MQSC commands read.", "9 MQSC commands read.");
        assertThatThrownBy(() -> parser.readTranscript(wrongCount))
                .hasMessageContaining("says 9 commands read but 8 were echoed (counting the 6 before the excerpt)");
    }

    @Test
    void readsAnExcerptThatStopsBeforeTheTrailerWithANote() {
        String whole = Fixtures.read("runmqsc", "namelist-wrapped-and-continued-9.1.txt");
        String untilCommand6 = whole.substring(0, whole.indexOf("     6 : ALTER"));
        RunmqscResult result = single(untilCommand6);
        assertThat(result.commands()).hasSize(5);
        assertThat(result.trailer()).isNull();
        assertThat(result.notes()).containsExactly(RunmqscResponseParser.NOTE_NO_TRAILER);
        RunmqscResult halfTrailer = single(whole.substring(0, whole.indexOf("All valid")));
        assertThat(halfTrailer.notes()).containsExactly(RunmqscResponseParser.NOTE_HALF_TRAILER);
    }

    @Test
    void keepsTheRepliesOfACommandBeforeTheExcerptApart() {
        String whole = Fixtures.read("runmqsc", "namelist-wrapped-and-continued-9.1.txt");
        String fromAReply = whole.substring(whole.indexOf("AMQ8551I"));
        RunmqscResult result = single(fromAReply);
        assertThat(result.sessionMessages()).isEmpty();
        assertThat(result.commands()).extracting(RunmqscResult.Command::number).containsExactly(0, 7, 8);
        assertThat(result.commands().get(0).messages()).extracting(MqMessage::id).containsExactly("AMQ8551");
        assertThat(result.notes()).contains(RunmqscResponseParser.NOTE_UNSEEN_REPLY);
    }

    @Test
    void readsOutputFilteredThroughGrepAsHeadlessObjects() {
        String grepped = Fixtures.read("runmqsc", "e-mode-channels-chstatus-mq8.txt").lines()
                .filter(l -> l.contains("CHANNEL(") || l.contains("STATUS(")).collect(Collectors.joining("\n"));
        RunmqscResult result = single(grepped);
        assertThat(result.notes()).containsExactly(RunmqscResponseParser.NOTE_NO_HEADING,
                RunmqscResponseParser.NOTE_NO_TRAILER);
        List<RunmqscResult.MqscObject> objects = result.commands().get(0).objects();
        assertThat(objects).extracting(o -> o.attribute("CHANNEL").orElseThrow()).containsExactly(
                "HERE.TO.THERE.ONE", "HERE.TO.THERE.TWO", "SYSTEM.DEF.SENDER", "HERE.TO.THERE.TWO",
                "HERE.TO.THERE.ONE");
        assertThat(objects.get(3).attributes()).containsEntry("STATUS", "RETRYING").containsEntry("SUBSTATE", " ");
        assertThat(objects.get(0).heading()).isNull();
        assertThatThrownBy(() -> parser.parse(grepped)).hasMessageStartingWith("line 1 '   CHANNEL(HERE.TO.THERE.ONE)");
    }

    @Test
    void readsSeveralSessionsOfOneTranscript() {
        String two = Fixtures.read("runmqsc", "interactive-define-end-9.1.txt")
                + Fixtures.read("runmqsc", "start-channel-in-use-9.1.txt");
        List<RunmqscResult> sessions = parser.readTranscript(two);
        assertThat(sessions).extracting(RunmqscResult::queueManager).containsExactly("QMA", "MQ01CRD");
        assertThat(sessions).allSatisfy(s -> assertThat(s.isPartial()).isFalse());
        assertThatThrownBy(() -> parser.parse(two)).hasMessageContaining("output continues after the runmqsc trailer");
    }

    @Test
    void acceptsExitAndQuitCountedOrNot() {
        String session = Fixtures.read("runmqsc", "interactive-define-end-9.1.txt");
        for (String ending : List.of("exit", "QUIT")) {
            String uncounted = session.replace("end\n     2 : end", ending + "\n     2 : " + ending);
            assertThat(parser.parse(uncounted).commands().get(1).text()).isEqualTo(ending);
            String counted = uncounted.replace("One MQSC command read.", "2 MQSC commands read.");
            assertThat(parser.parse(counted).trailer().commandsRead()).isEqualTo(2);
        }
    }

    @Test
    void refusesInAnExcerptWhatIsNotRunmqscOutputNamingTheLine() {
        String pasted = Fixtures.read("runmqsc", "start-channel-in-use-9.1.txt").replace("     1 :", "$ 1 :");
        assertThatThrownBy(() -> parser.readTranscript(pasted))
                .hasMessage("line 5 '$ 1 : START CHANNEL(MQ01CRD.A.BAN01AGN)': expected a runmqsc banner, an echoed"
                        + " command ('     1 : ...'), an AMQ message, object attributes after a 'Display ... details.'"
                        + " message, or the trailer");
        assertThatThrownBy(() -> parser.readTranscript("\n  \n")).hasMessage("the output is empty; expected runmqsc output");
        String gap = Fixtures.read("runmqsc", "namelist-wrapped-and-continued-9.1.txt").replace("     7 : ", "     9 : ");
        assertThatThrownBy(() -> parser.readTranscript(gap)).hasMessageContaining("command number 9 out of order;"
                + " expected 7");
    }

    private RunmqscResult single(String transcript) {
        List<RunmqscResult> sessions = parser.readTranscript(transcript);
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }

    /** A whole session of one echoed DISPLAY QLOCAL(PAY.*) answered by {@code replies}, as runmqsc prints it. */
    private static String displayQueuesSession(String replies) {
        return "5724-H72 (C) Copyright IBM Corp. 1994, 2024.\nStarting MQSC for queue manager QM1.\n\n\n"
                + "     1 : DISPLAY QLOCAL(PAY.*) DESCR CURDEPTH\n" + replies
                + "One MQSC command read.\nNo commands have a syntax error.\nAll valid MQSC commands were processed.\n";
    }
}
