package io.mqrunbooks.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The SQL statements the engine runs, as MyBatis reports them at DEBUG under each mapped statement's id
 * ({@code ==>  Preparing: ...}, then {@code <==      Total: N} rows), caught while {@link #record} runs, from
 * the threads a predicate picks (a web request's, not the job executor's). A count, not a time: it does not
 * depend on how busy the machine is.
 */
public final class EngineStatements {

    /** One statement the engine ran: its mapped statement id, SQL, parameters and the rows it read (-1 for an update). */
    public record Statement(String id, String sql, String parameters, long rows) {

        Statement with(String parameters, long rows) {
            return new Statement(id, sql, parameters, rows);
        }
    }

    /** Camunda's mappers and ours the engine runs instead of two of them (ExistsAuthTaskQueryPlugin). */
    private static final List<String> ENGINE_MAPPERS = List.of("org.camunda.bpm.engine.impl", "org.camunda.bpm.engine.history",
            "io.mqrunbooks.platform.tasklist.ExistsAuthTaskQuery");

    private EngineStatements() {
    }

    /** Runs {@code work} and returns the statements the engine ran for it on threads whose name {@code threads} accepts. */
    public static List<Statement> record(Predicate<String> threads, ThrowingRunnable work) throws Exception {
        List<Statement> statements = Collections.synchronizedList(new ArrayList<>());
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            private final Map<String, Statement> open = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            protected void append(ILoggingEvent event) {
                if (!threads.test(event.getThreadName())) {
                    return;
                }
                String message = event.getFormattedMessage();
                String key = event.getThreadName() + " " + event.getLoggerName();
                if (message.startsWith("==>  Preparing:")) {
                    Statement statement = new Statement(event.getLoggerName(), message.substring(15).strip(), "", -1);
                    statements.add(statement);
                    open.put(key, statement);
                } else if (message.startsWith("==> Parameters:") && open.containsKey(key)) {
                    replace(open.get(key), open.get(key).with(message.substring(15).strip(), -1));
                } else if (message.startsWith("<==      Total:") && open.containsKey(key)) {
                    Statement done = open.remove(key);
                    replace(done, done.with(done.parameters(), Long.parseLong(message.substring(15).strip())));
                }
            }

            private void replace(Statement old, Statement updated) {
                synchronized (statements) {
                    statements.set(statements.lastIndexOf(old), updated);
                }
                open.replaceAll((k, v) -> v == old ? updated : v);
            }
        };
        appender.start();
        List<Logger> loggers = ENGINE_MAPPERS.stream().map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        for (Logger logger : loggers) {
            logger.addAppender(appender);
            logger.setAdditive(false);
            logger.setLevel(Level.DEBUG);
        }
        try {
            work.run();
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(levels.get(i));
                loggers.get(i).setAdditive(true);
                loggers.get(i).detachAppender(appender);
            }
            appender.stop();
        }
        return List.copyOf(statements);
    }

    /** How many times each statement id ran, sorted by id: the shape of a request's database work. */
    public static Map<String, Integer> byId(List<Statement> statements) {
        Map<String, Integer> counts = new TreeMap<>();
        statements.forEach(s -> counts.merge(s.id().substring(s.id().lastIndexOf('.', s.id().lastIndexOf('.') - 1) + 1), 1, Integer::sum));
        return counts;
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
