package io.mqrunbooks.runbooks.rdqm;

/** Lets the multi-instance runbook's engine tests share the RDQM engine-test helpers. */
public abstract class RunbookEngineTestAccess extends RunbookEngineTest {
}
