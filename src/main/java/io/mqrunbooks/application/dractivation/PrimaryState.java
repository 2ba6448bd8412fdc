package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.mq.QmStatus;

/**
 * What SSH found on the primary's host.
 *
 * @param reachable      whether the host answered; an unreachable host is a fact to act on, not a failure
 * @param status         dspmq's status, or null when unreachable
 * @param drPrimaryRole  for RDQM DR: whether the primary node still holds the DR primary role; else false
 * @param detail         what was seen, in words (the SSH error when unreachable)
 */
public record PrimaryState(boolean reachable, QmStatus status, boolean drPrimaryRole, String detail) {

    /** Known to run (or to hold its data), or, for RDQM, still the DR primary: it must be fenced first. */
    public boolean mustBeFenced() {
        return reachable && (status.mayHoldData() || drPrimaryRole);
    }

    public boolean running() {
        return reachable && status.mayHoldData();
    }
}
