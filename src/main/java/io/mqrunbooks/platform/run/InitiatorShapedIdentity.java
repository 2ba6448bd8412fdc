package io.mqrunbooks.platform.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Four-eyes beyond user ids: a gate decider whose identity the run's initiator shaped is the initiator under
 * another name. Shaped means the initiator created that user, changed it (Camunda logs a new password and a
 * profile edit alike, as {@code Update}), or made it a member of a group the gate asks for. And not only the
 * initiator's own hand: a user the initiator created or changed is the initiator's to log in as, so what that user
 * shaped counts too, to any depth (an administrator creates {@code admin2}, who creates the change manager: Review I).
 * Read from Camunda's user operation log: {@code saveUser} and {@code createMembership} write category {@code Admin}
 * rows naming the authenticated caller ({@code USER_ID_}) and the user ({@code PROPERTY_ userId}); a membership's
 * {@code groupId} row shares its {@code OPERATION_ID_}. Queries driven by the index on {@code USER_ID_}.
 * Identity changed with nobody authenticated (the users seeded at start-up) is not logged and shapes nothing:
 * only the server's configuration made it. Another person who shapes a decider for the initiator is collusion,
 * out of scope here.
 */
final class InitiatorShapedIdentity {

    private static final String DECIDER_NEEDS = "; a gate needs a decider whose identity the initiator did not shape";
    /** How far the initiator's aliases are followed; a chain longer than this is refused rather than cut. */
    private static final int MAX_ALIASES = 200;
    /** Clocks of two engine nodes differ a little: a change this close after a decision still counts. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private InitiatorShapedIdentity() {
    }

    /**
     * Why {@code decider} may not decide a gate of {@code initiator}'s run, or empty when they may.
     *
     * @param decidedAt when the decision was made, for a step checking a recorded decision: a change after it cannot
     *                  have made it (a password reset at 3 a.m. must not halt an approved switchover); null at the
     *                  decision itself
     */
    static Optional<String> refusal(String decider, String initiator, Collection<String> gateGroups,
                                    Instant decidedAt) {
        // The engine's own connection, so the read joins the command's transaction like every other check.
        return refusal(Context.getProcessEngineConfiguration(),
                Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection(),
                decider, initiator, gateGroups, decidedAt);
    }

    static Optional<String> refusal(ProcessEngineConfigurationImpl engine, Connection connection, String decider,
                                    String initiator, Collection<String> gateGroups, Instant decidedAt) {
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
        Timestamp notAfter = decidedAt == null ? null : Timestamp.from(decidedAt.plus(CLOCK_SKEW));
        try {
            // who may act as the initiator: the initiator, and every user they (or such a user) created or changed
            Map<String, String[]> shapedBy = new LinkedHashMap<>(); // user -> [by, Create or Update]
            shapedBy.put(initiator, null);
            Set<String> frontier = Set.of(initiator);
            while (!frontier.isEmpty()) {
                Set<String> next = new LinkedHashSet<>();
                for (String[] edge : usersChangedBy(engine, connection, frontier, notAfter)) {
                    if (!shapedBy.containsKey(edge[1])) {
                        shapedBy.put(edge[1], new String[] {edge[0], edge[2]});
                        next.add(edge[1]);
                    }
                }
                if (shapedBy.size() > MAX_ALIASES) {
                    return Optional.of(initiator + ", who started this run, created or changed more than "
                            + MAX_ALIASES + " users, directly or through them" + DECIDER_NEEDS
                            + "; the chain is too long to follow");
                }
                frontier = next;
            }
            // The grant of the gate's group is what let them decide it, so it is named first.
            Optional<String[]> grant = groupGrantedBy(engine, connection, shapedBy.keySet(), decider,
                    List.copyOf(gateGroups), notAfter);
            if (grant.isPresent()) {
                return Optional.of(decider + "'s membership in " + grant.get()[1] + " was granted by " + grant.get()[0]
                        + through(grant.get()[0], initiator, shapedBy) + DECIDER_NEEDS);
            }
            String[] shaped = shapedBy.get(decider);
            if (shaped != null) {
                return Optional.of(decider + (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(shaped[1])
                        ? " was created by " : "'s password or profile was set by ") + shaped[0]
                        + through(shaped[0], initiator, shapedBy) + DECIDER_NEEDS);
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the user operation log to check who shaped " + decider
                    + "'s identity: " + e.getMessage(), e);
        }
    }

    /** ", who started this run", or how the user is the initiator's: ", whom admin (who started this run) created". */
    private static String through(String user, String initiator, Map<String, String[]> shapedBy) {
        if (user.equals(initiator)) {
            return ", who started this run";
        }
        List<String> chain = new ArrayList<>();
        for (String u = user; u != null && !u.equals(initiator); ) {
            chain.add(u);
            String[] by = shapedBy.get(u);
            u = by == null ? null : by[0];
        }
        return ", a user that " + initiator + " (who started this run) created or changed"
                + (chain.size() > 1 ? " through " + String.join(" and ", chain.subList(1, chain.size())) : "");
    }

    /** [changed by, user, Create or Update] for each user a user of {@code actors} created or changed. */
    private static List<String[]> usersChangedBy(ProcessEngineConfigurationImpl engine, Connection connection,
                                                 Set<String> actors, Timestamp notAfter) throws SQLException {
        List<String> ordered = List.copyOf(actors);
        String sql = "SELECT USER_ID_, NEW_VALUE_, OPERATION_TYPE_ FROM " + engine.getDatabaseTablePrefix() + "ACT_HI_OP_LOG"
                + " WHERE USER_ID_ IN (" + String.join(", ", Collections.nCopies(ordered.size(), "?")) + ")"
                + " AND CATEGORY_ = ? AND ENTITY_TYPE_ = ? AND OPERATION_TYPE_ IN (?, ?) AND PROPERTY_ = 'userId'"
                + (notAfter == null ? "" : " AND TIMESTAMP_ <= ?");
        List<String[]> edges = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 0;
            for (String actor : ordered) {
                query.setString(++i, actor);
            }
            query.setString(++i, UserOperationLogEntry.CATEGORY_ADMIN);
            query.setString(++i, EntityTypes.USER);
            query.setString(++i, UserOperationLogEntry.OPERATION_TYPE_CREATE);
            query.setString(++i, UserOperationLogEntry.OPERATION_TYPE_UPDATE);
            if (notAfter != null) {
                query.setTimestamp(++i, notAfter);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2) != null) {
                        edges.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
            }
        }
        return edges;
    }

    /** [granter, group] when one of {@code actors} made {@code decider} a member of one of the gate's groups. */
    private static Optional<String[]> groupGrantedBy(ProcessEngineConfigurationImpl engine, Connection connection,
                                                   Set<String> actors, String decider, List<String> groups,
                                                   Timestamp notAfter) throws SQLException {
        List<String> ordered = List.copyOf(actors);
        String log = engine.getDatabaseTablePrefix() + "ACT_HI_OP_LOG";
        String sql = "SELECT o.USER_ID_, g.NEW_VALUE_ FROM " + log + " o JOIN " + log + " g"
                + " ON g.OPERATION_ID_ = o.OPERATION_ID_ AND g.USER_ID_ = o.USER_ID_ AND g.PROPERTY_ = 'groupId'"
                + " WHERE o.USER_ID_ IN (" + String.join(", ", Collections.nCopies(ordered.size(), "?")) + ")"
                + " AND o.CATEGORY_ = ? AND o.PROPERTY_ = 'userId' AND o.NEW_VALUE_ = ?"
                + " AND o.ENTITY_TYPE_ = ? AND o.OPERATION_TYPE_ = ? AND g.NEW_VALUE_ IN ("
                + String.join(", ", Collections.nCopies(Math.max(1, groups.size()), "?")) + ")"
                + (notAfter == null ? "" : " AND o.TIMESTAMP_ <= ?");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 0;
            for (String actor : ordered) {
                query.setString(++i, actor);
            }
            query.setString(++i, UserOperationLogEntry.CATEGORY_ADMIN);
            query.setString(++i, decider);
            query.setString(++i, EntityTypes.GROUP_MEMBERSHIP);
            query.setString(++i, UserOperationLogEntry.OPERATION_TYPE_CREATE);
            for (String group : groups.isEmpty() ? List.of("") : groups) {
                query.setString(++i, group);
            }
            if (notAfter != null) {
                query.setTimestamp(++i, notAfter);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2)})
                        : Optional.empty();
            }
        }
    }
}
