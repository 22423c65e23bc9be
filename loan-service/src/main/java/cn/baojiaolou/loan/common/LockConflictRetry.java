package cn.baojiaolou.loan.common;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a service call whose transaction lost a lock conflict: a deadlock victim, or a lock wait that timed out
 * (both {@link PessimisticLockingFailureException}). The database has rolled the transaction back, so running the
 * call again from the start is safe; the client never sees a 5xx for it. Only the outermost call retries: inside a
 * transaction that is already running (an import, or a request whose Idempotency-Key holds the transaction), the
 * conflict goes up to whoever started it, which retries the whole of it.
 */
public class LockConflictRetry implements MethodInterceptor {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(LockConflictRetry.class);

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (PessimisticLockingFailureException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                log.info("lock conflict in {} (attempt {} of {}), retrying: {}", invocation.getMethod().getName(),
                        attempt, ATTEMPTS, conflict.getMostSpecificCause().getMessage());
                pause(attempt);
            }
        }
    }

    /** A short, growing, jittered pause, so two retried conflicts do not meet again at once. */
    public static void pause(int attempt) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
    }
}
