package io.mqrunbooks.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The bench's view of what our side asks the database per step, counted on the client so that another
 * program's traffic on the same server does not count: statements executed (a batch counts once per
 * statement in it), the executions that carried them (a batch is one), commits and rollbacks.
 */
final class CountingDataSource implements DataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> BATCHES = Set.of("executeBatch", "executeLargeBatch");

    /** A snapshot of the counters; {@link #minus} gives what happened between two snapshots. */
    record Counts(long statements, long executions, long commits, long rollbacks) {
        Counts minus(Counts before) {
            return new Counts(statements - before.statements, executions - before.executions,
                    commits - before.commits, rollbacks - before.rollbacks);
        }
    }

    private final DataSource target;
    private final LongAdder statements = new LongAdder();
    private final LongAdder executions = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    /** Statements per SQL text and the connection calls that may cost a round trip (what a step is made of). */
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> bySql = new java.util.concurrent.ConcurrentHashMap<>();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** A snapshot of the statements per SQL text (and per connection call), for a profile of a step. */
    java.util.Map<String, Long> bySql() {
        java.util.Map<String, Long> snapshot = new java.util.TreeMap<>();
        bySql.forEach((sql, count) -> snapshot.put(sql, count.sum()));
        return snapshot;
    }

    private void countSql(String sql, long statementsOfIt) {
        String text = sql == null ? "(unknown)" : sql.replaceAll("\\s+", " ").strip();
        bySql.computeIfAbsent(text, key -> new LongAdder()).add(statementsOfIt);
        if (STACKS_OF != null && STACKS_OF.matcher(text).find()) {
            String origin = java.util.Arrays.stream(new Throwable().getStackTrace())
                    .filter(f -> !f.getClassName().startsWith("io.mqrunbooks.bench.CountingDataSource")
                            && !f.getClassName().startsWith("jdk.") && !f.getClassName().startsWith("java.")
                            && !f.getClassName().startsWith("org.apache.ibatis") && !f.getClassName().startsWith("com.sun.proxy")
                            && !f.getClassName().startsWith("org.camunda.bpm.engine.impl.db"))
                    .limit(14).map(f -> "      " + f.getClassName().replaceFirst("^org\\.camunda\\.bpm\\.engine\\.impl\\.", "")
                            + "." + f.getMethodName() + ":" + f.getLineNumber())
                    .collect(java.util.stream.Collectors.joining("\n"));
            stacks.computeIfAbsent(text, key -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(origin, key -> new LongAdder()).increment();
        }
    }

    /** With -Dbench.sql.stacks=REGEX: where the statements matching it come from (for a profile of a step). */
    private static final java.util.regex.Pattern STACKS_OF = System.getProperty("bench.sql.stacks", "").isBlank()
            ? null : java.util.regex.Pattern.compile(System.getProperty("bench.sql.stacks"));
    private final java.util.Map<String, java.util.Map<String, LongAdder>> stacks = new java.util.concurrent.ConcurrentHashMap<>();

    String stacks() {
        StringBuilder text = new StringBuilder();
        stacks.forEach((sql, origins) -> {
            text.append(sql, 0, Math.min(sql.length(), 120)).append('\n');
            origins.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(4)
                    .forEach(o -> text.append("   ").append(o.getValue().sum()).append(" times from\n").append(o.getKey()).append('\n'));
        });
        return text.toString();
    }

    Counts counts() {
        return new Counts(statements.sum(), executions.sum(), commits.sum(), rollbacks.sum());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            switch (method.getName()) {
                case "commit" -> {
                    commits.increment();
                    countSql("(Connection.commit)", 1);
                }
                case "setAutoCommit", "setTransactionIsolation", "setReadOnly", "setCatalog" ->
                        countSql("(Connection." + method.getName() + " " + args[0] + ")", 1);
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        rollbacks.increment();
                        countSql("(Connection.rollback)", 1);
                    }
                }
                default -> {
                }
            }
        }, (method, args, result) -> {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            if (result instanceof CallableStatement statement) {
                return statement(CallableStatement.class, statement, sql);
            }
            if (result instanceof PreparedStatement statement) {
                return statement(PreparedStatement.class, statement, sql);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, sql);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, String preparedSql) {
        int[] batched = {0};
        return proxy(type, statement, (method, args) -> {
            String name = method.getName();
            if (EXECUTIONS.contains(name)) {
                statements.increment();
                executions.increment();
                countSql(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql, 1);
            } else if ("addBatch".equals(name)) {
                batched[0]++;
            } else if ("clearBatch".equals(name)) {
                batched[0] = 0;
            } else if (BATCHES.contains(name)) {
                statements.add(batched[0]);
                executions.increment();
                countSql("(batch) " + preparedSql, batched[0]);
                batched[0] = 0;
            }
        }, (method, args, result) -> result);
    }

    private interface Before {
        void call(Method method, Object[] args);
    }

    private interface After {
        Object wrap(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Before before, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            before.call(method, args);
            try {
                return after.wrap(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
