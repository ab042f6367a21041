package org.queuejob.web.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.util.logging.Logger;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Refuses {@link ManagerOnly} actions to callers without the manager role: the check the server makes whatever the
 * page showed. A refused action returns null (stay on the page) and does nothing else.
 */
@ManagerOnly
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ManagerOnlyInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String REFUSED = "Only a queue-job-manager may change jobs and channels; you may look at them.";

    private static final Logger LOG = Logger.getLogger(ManagerOnlyInterceptor.class.getName());
    private static final String REFUSED_LOG = "Refused %s.%s to %s: not in role " + Roles.MANAGER;

    @AroundInvoke
    public Object onlyManagers(InvocationContext invocation) throws Exception {
        if (Roles.isManager()) {
            return invocation.proceed();
        }
        LOG.warning(() -> String.format(
                REFUSED_LOG,
                invocation.getMethod().getDeclaringClass().getSimpleName(),
                invocation.getMethod().getName(),
                Faces.getRemoteUser()));
        Messages.addGlobalError(REFUSED);
        Faces.validationFailed();
        return null;
    }
}
