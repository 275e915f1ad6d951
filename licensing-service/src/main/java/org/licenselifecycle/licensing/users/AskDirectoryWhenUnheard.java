package org.licenselifecycle.licensing.users;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@link AsksDirectoryWhenUnheard}: outside the transaction interceptor and {@code TransactionRetry}, so that the
 * method's transaction has ended (rolled back) before directory is asked, and the second run is a transaction of
 * its own.
 */
@AsksDirectoryWhenUnheard
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class AskDirectoryWhenUnheard {

    @Inject
    TransactionManager transactions;

    @Inject
    UnheardUsers unheard;

    @Inject
    JsonWebToken token;

    @AroundInvoke
    Object askWhenUnheard(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        try {
            return invocation.proceed();
        } catch (UserNotHeardOf notHeard) {
            if (!unheard.learn(notHeard.tenantId(), notHeard.user(), token.getRawToken())) {
                throw notHeard;
            }
            return invocation.proceed();
        }
    }
}
