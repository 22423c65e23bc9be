package cn.baojiaolou.loan.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database does not answer (down, stalled, no connection within the pool's 3 s): such a
 * request is answered 503 with Retry-After, fast, wherever it failed (a filter, the login, a service).
 */
public final class DatabaseTrouble {

    private static final List<Class<? extends Throwable>> KINDS = List.of(DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class, QueryTimeoutException.class,
            TransientDataAccessResourceException.class, CannotCreateTransactionException.class,
            SQLTransientConnectionException.class, SQLNonTransientConnectionException.class,
            SQLRecoverableException.class, SQLTimeoutException.class);

    private DatabaseTrouble() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (KINDS.stream().anyMatch(kind -> kind.isInstance(current))) {
                return true;
            }
            // SQLSTATE class 08: connection exceptions (Hikari's "Connection is closed" after a timeout is 08003)
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
