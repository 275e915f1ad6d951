package org.licenselifecycle.support.sql;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a failure says about the database, whoever wrapped the driver's {@link SQLException} (the ORM, JTA at
 * commit, {@link Sql}): the causes and suppressed exceptions are searched, each once.
 */
public final class SqlFailures {

    /** SQLSTATEs of a transaction the database aborted because of others: deadlock, serialization failure. */
    private static final Set<String> LOST_TO_ANOTHER = Set.of("40P01", "40001");
    /** The server is shutting down, crashed or starting: admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03");

    /** query_canceled: a statement stopped by {@code statement_timeout} (or cancelled). */
    private static final String QUERY_CANCELED = "57014";

    private SqlFailures() {
    }

    /** Whether PostgreSQL rolled the transaction back as the loser of a deadlock or a serialization check. */
    public static boolean lostToAnotherTransaction(Throwable failure) {
        return any(failure, sql -> LOST_TO_ANOTHER.contains(sql.getSQLState()));
    }

    /**
     * Whether the database could not be reached or went away (connection exceptions, class 08; a server shutting
     * down or starting), so that the same request will pass once it is back.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        return any(failure, sql -> sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || SERVER_AWAY.contains(sql.getSQLState())));
    }

    /** Whether PostgreSQL stopped a statement that ran past {@code statement_timeout}. */
    public static boolean statementTimedOut(Throwable failure) {
        return any(failure, sql -> QUERY_CANCELED.equals(sql.getSQLState()));
    }

    private static boolean any(Throwable failure, Predicate<SQLException> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return any(failure, test, seen);
    }

    private static boolean any(Throwable failure, Predicate<SQLException> test, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLException sql && (test.test(sql) || any(sql.getNextException(), test, seen))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (any(suppressed, test, seen)) {
                return true;
            }
        }
        return any(failure.getCause(), test, seen);
    }
}
