package org.queuejob.infrastructure.interception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;

/** Calls a job function's method on its bean for real, with the delaying interceptor let through once. */
@ApplicationScoped
public class JobInvoker {

    /** Injected once: {@code CDI.current()} walks the caller's stack on Payara, on every call. */
    @Inject
    BeanManager beanManager;

    /**
     * Invokes the method through the bean's contextual reference, so the bean's other interceptors (transactions,
     * security, logging) apply as for any call. Exceptions thrown by the method come out unwrapped.
     */
    public Object invoke(JobFunction function, Object[] arguments) throws Exception {
        Bean<?> bean = function.bean();
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            Object reference = beanManager.getReference(bean, bean.getBeanClass(), context);
            JobInvocation.allowNextCall(function.method());
            return function.method().invoke(reference, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception exception ? exception : e;
        } finally {
            JobInvocation.clear();
            context.release();
        }
    }
}
