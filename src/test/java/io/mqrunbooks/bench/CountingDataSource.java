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

    CountingDataSource(DataSource target) {
        this.target = target;
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
                case "commit" -> commits.increment();
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        rollbacks.increment();
                    }
                }
                default -> {
                }
            }
        }, result -> {
            if (result instanceof CallableStatement statement) {
                return statement(CallableStatement.class, statement);
            }
            if (result instanceof PreparedStatement statement) {
                return statement(PreparedStatement.class, statement);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement) {
        int[] batched = {0};
        return proxy(type, statement, (method, args) -> {
            String name = method.getName();
            if (EXECUTIONS.contains(name)) {
                statements.increment();
                executions.increment();
            } else if ("addBatch".equals(name)) {
                batched[0]++;
            } else if ("clearBatch".equals(name)) {
                batched[0] = 0;
            } else if (BATCHES.contains(name)) {
                statements.add(batched[0]);
                executions.increment();
                batched[0] = 0;
            }
        }, result -> result);
    }

    private interface Before {
        void call(Method method, Object[] args);
    }

    private interface After {
        Object wrap(Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Before before, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            before.call(method, args);
            try {
                return after.wrap(method.invoke(target, args));
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
