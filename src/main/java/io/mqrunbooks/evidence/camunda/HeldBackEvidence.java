package io.mqrunbooks.evidence.camunda;

import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.NewEvidence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The evidence one engine command produced, written with the command's own commit instead of one
 * transaction (and one log flush) per record. A session of the command: the engine flushes it with its
 * own sessions, on its connection, just before it commits. When the command rolls back, the step it began
 * with is written in a transaction of their own afterwards as a failed attempt ({@link #attemptsOnly}).
 * Anything else that appends to or reads a run's evidence during the command takes that run's records
 * first ({@link EvidenceStore.HeldBack}), so the chain keeps the order in which things happened.
 */
final class HeldBackEvidence implements Session {

    private final EvidenceStore store;
    /** Whether the engine's tables and the evidence tables are in one database (the app's case). */
    private final boolean joinsCommandTransaction;
    private final CommandContext command;
    /** Not yet written anywhere. */
    private final List<NewEvidence> waiting = new ArrayList<>();
    /** Written in the command's transaction, which has not committed yet. */
    private final List<NewEvidence> inCommandTransaction = new ArrayList<>();

    private HeldBackEvidence(EvidenceStore store, boolean joinsCommandTransaction, CommandContext command) {
        this.store = store;
        this.joinsCommandTransaction = joinsCommandTransaction;
        this.command = command;
        command.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, context -> rolledBack());
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> committed());
    }

    /** Holds {@code evidence} back to the end of the current command; appends it at once outside any. */
    static void append(EvidenceStore store, NewEvidence evidence) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            store.append(evidence);
        } else {
            command.getSession(HeldBackEvidence.class).add(evidence);
        }
    }

    /** The current command's waiting records of the run, taken out (for {@link EvidenceStore#holdBackWith}). */
    static List<NewEvidence> take(String runId) {
        CommandContext command = Context.getCommandContext();
        if (command == null || !(command.getSessions().get(HeldBackEvidence.class) instanceof HeldBackEvidence held)) {
            return List.of();
        }
        return held.takeWaiting(runId);
    }

    private synchronized void add(NewEvidence evidence) {
        waiting.add(evidence);
    }

    private synchronized List<NewEvidence> takeWaiting(String runId) {
        List<NewEvidence> taken = new ArrayList<>();
        for (Iterator<NewEvidence> it = waiting.iterator(); it.hasNext(); ) {
            NewEvidence evidence = it.next();
            if (evidence.runId().equals(runId)) {
                taken.add(evidence);
                it.remove();
            }
        }
        return taken;
    }

    @Override
    public synchronized void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        if (joinsCommandTransaction) {
            store.appendAllInTransaction(command.getDbSqlSession().getSqlSession().getConnection(), waiting);
            inCommandTransaction.addAll(waiting);
            waiting.clear();
        } else {
            // another database: one transaction of their own, still before the command commits
            writeOnTheirOwn();
        }
    }

    /** Records that came after the flush (none are expected) are not lost: they go on their own. */
    private synchronized void committed() {
        inCommandTransaction.clear();
        writeOnTheirOwn();
    }

    private synchronized void rolledBack() {
        waiting.addAll(0, inCommandTransaction);
        inCommandTransaction.clear();
        List<NewEvidence> attempts = attemptsOnly(waiting);
        waiting.clear();
        waiting.addAll(attempts);
        writeOnTheirOwn();
    }

    /**
     * What a rolled-back command leaves on record: for each run, the step it began with, as an attempt (a job's
     * step that failed; Camunda then records the RETRY or INCIDENT). Nothing after it happened: a gate decided or
     * a task completed in that command (a refused approval), a step ended, a run started or ended.
     */
    static List<NewEvidence> attemptsOnly(List<NewEvidence> rolledBack) {
        List<NewEvidence> attempts = new ArrayList<>();
        Set<String> runsSeen = new HashSet<>();
        for (NewEvidence evidence : rolledBack) {
            if (runsSeen.add(evidence.runId()) && evidence.kind() == EvidenceKind.STEP_STARTED) {
                attempts.add(evidence);
            }
        }
        return attempts;
    }

    private void writeOnTheirOwn() {
        List<NewEvidence> records = new ArrayList<>(waiting);
        waiting.clear();
        store.appendAll(records);
    }

    @Override
    public void close() {
        // the transaction listeners above decide what is left to write
    }

    /** Opens one for each command that records evidence. */
    static final class Factory implements SessionFactory {

        private final EvidenceStore store;
        private final boolean joinsCommandTransaction;

        Factory(EvidenceStore store, boolean joinsCommandTransaction) {
            this.store = store;
            this.joinsCommandTransaction = joinsCommandTransaction;
        }

        @Override
        public Class<?> getSessionType() {
            return HeldBackEvidence.class;
        }

        @Override
        public Session openSession() {
            return new HeldBackEvidence(store, joinsCommandTransaction, Context.getCommandContext());
        }
    }
}
