package io.mqrunbooks.lab.mq;

import java.time.Instant;
import java.util.List;

/**
 * One change of the lab, as {@link SimulatedMqEstate} or the SSH side's faults made it: the operation and its
 * arguments ({@code execute host user stdin argv...}, {@code failHost host}, {@code hostDown host},
 * {@code hang host program}, ...) and the
 * instant of the lab's clock it happened at. {@code settle} is a read that moved the lab's time-driven state on.
 */
public record LabEvent(Instant time, List<String> operation) {

    public LabEvent {
        operation = List.copyOf(operation);
    }

    String op() {
        return operation.get(0);
    }

    String arg(int i) {
        return operation.get(i + 1);
    }
}
