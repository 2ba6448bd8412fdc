package io.mqrunbooks.platform.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Four-eyes beyond user ids: a gate decider whose identity the run's initiator shaped is the initiator under
 * another name. Shaped means the initiator created that user, changed it (Camunda logs a new password and a
 * profile edit alike, as {@code Update}), or made it a member of a group the gate asks for. Read from Camunda's
 * user operation log: {@code saveUser} and {@code createMembership} write category {@code Admin} rows naming the
 * authenticated caller ({@code USER_ID_}) and the user ({@code PROPERTY_ userId}); a membership's
 * {@code groupId} row shares its {@code OPERATION_ID_}. One query, driven by the index on {@code USER_ID_}.
 * Identity changed with nobody authenticated (the users seeded at start-up) is not logged and shapes nothing:
 * only the server's configuration made it. Another administrator who shapes a decider for the initiator is
 * collusion, out of scope here.
 */
final class InitiatorShapedIdentity {

    private static final String DECIDER_NEEDS = "; a gate needs a decider whose identity the initiator did not shape";

    private InitiatorShapedIdentity() {
    }

    /** Why {@code decider} may not decide a gate of {@code initiator}'s run, or empty when they may. */
    static Optional<String> refusal(String decider, String initiator, Collection<String> gateGroups) {
        // The engine's own connection, so the read joins the command's transaction like every other check.
        return refusal(Context.getProcessEngineConfiguration(),
                Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection(),
                decider, initiator, gateGroups);
    }

    static Optional<String> refusal(ProcessEngineConfigurationImpl engine, Connection connection, String decider,
                                    String initiator, Collection<String> gateGroups) {
        if (decider == null || initiator == null || decider.equals(initiator)) {
            return Optional.empty(); // no initiator (a timer's run), or the plain four-eyes check already refused
        }
        if (!engine.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.USER_OPERATION_LOG, null)) {
            // Fail closed: without the log nobody can show the initiator left the decider's identity alone.
            return Optional.of("the engine keeps no user operation log (history level "
                    + engine.getHistoryLevel().getName() + "), so nothing shows that " + initiator
                    + ", who started this run, did not create " + decider + ", set their password or grant their"
                    + " group" + DECIDER_NEEDS + " (set camunda.bpm.history-level: full)");
        }
        List<String> groups = List.copyOf(gateGroups);
        String log = engine.getDatabaseTablePrefix() + "ACT_HI_OP_LOG";
        String sql = "SELECT o.ENTITY_TYPE_, o.OPERATION_TYPE_, g.NEW_VALUE_ FROM " + log + " o LEFT JOIN " + log
                + " g ON g.OPERATION_ID_ = o.OPERATION_ID_ AND g.USER_ID_ = o.USER_ID_ AND g.PROPERTY_ = 'groupId'"
                + " WHERE o.USER_ID_ = ? AND o.CATEGORY_ = ? AND o.PROPERTY_ = 'userId' AND o.NEW_VALUE_ = ?"
                + " AND ((o.ENTITY_TYPE_ = ? AND o.OPERATION_TYPE_ IN (?, ?))"
                + " OR (o.ENTITY_TYPE_ = ? AND o.OPERATION_TYPE_ = ? AND g.NEW_VALUE_ IN ("
                + String.join(", ", java.util.Collections.nCopies(Math.max(1, groups.size()), "?")) + ")))";
        List<String> shaped = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 0;
            query.setString(++i, initiator);
            query.setString(++i, UserOperationLogEntry.CATEGORY_ADMIN);
            query.setString(++i, decider);
            query.setString(++i, EntityTypes.USER);
            query.setString(++i, UserOperationLogEntry.OPERATION_TYPE_CREATE);
            query.setString(++i, UserOperationLogEntry.OPERATION_TYPE_UPDATE);
            query.setString(++i, EntityTypes.GROUP_MEMBERSHIP);
            query.setString(++i, UserOperationLogEntry.OPERATION_TYPE_CREATE);
            for (String group : groups.isEmpty() ? List.of("") : groups) {
                query.setString(++i, group);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    shaped.add(EntityTypes.USER.equals(rows.getString(1)) ? rows.getString(2)
                            : "membership:" + rows.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the user operation log to check who shaped " + decider
                    + "'s identity: " + e.getMessage(), e);
        }
        // The grant of the gate's group is what let them decide it, so it is named first.
        Optional<String> membership = shaped.stream().filter(s -> s.startsWith("membership:")).findFirst();
        if (membership.isPresent()) {
            return Optional.of(decider + "'s membership in " + membership.get().substring("membership:".length())
                    + " was granted by " + initiator + ", who started this run" + DECIDER_NEEDS);
        }
        if (shaped.contains(UserOperationLogEntry.OPERATION_TYPE_CREATE)) {
            return Optional.of(decider + " was created by " + initiator + ", who started this run" + DECIDER_NEEDS);
        }
        if (shaped.contains(UserOperationLogEntry.OPERATION_TYPE_UPDATE)) {
            return Optional.of(decider + "'s password or profile was set by " + initiator + ", who started this run"
                    + DECIDER_NEEDS);
        }
        return Optional.empty();
    }
}
