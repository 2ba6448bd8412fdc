package io.mqrunbooks.lab.mq;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** A lab estate on a clock the test moves by hand. */
class LabTestSupport {

    static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    SimulatedMqEstate lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock);

    LabExecution run(String host, String commandLine) {
        return lab.execute(host, "mqm", List.of(commandLine.split(" +")), "");
    }

    LabExecution root(String host, String commandLine) {
        return lab.execute(host, "root", List.of(commandLine.split(" +")), "");
    }

    LabExecution mqsc(String host, String qm, String script) {
        return lab.execute(host, "mqm", List.of("runmqsc", qm), script);
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
