package org.queuejob.infrastructure.interception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls a job function's method on its bean for real, with the delaying interceptor let through once. */
@ApplicationScoped
public class JobInvoker {

    /** Injected once: {@code CDI.current()} walks the caller's stack on Payara, on every call. */
    @Inject
    BeanManager beanManager;

    /**
     * Client proxies of normal-scoped job beans ({@code @ApplicationScoped}, {@code @RequestScoped}...): a proxy
     * finds the current instance on each call, so one per bean serves every job. Dependent beans get a new instance
     * per job, released after it.
     */
    private final Map<Bean<?>, Object> proxies = new ConcurrentHashMap<>();

    /**
     * Invokes the method through the bean's contextual reference, so the bean's other interceptors (transactions,
     * security, logging) apply as for any call. Exceptions and errors thrown by the method come out unwrapped.
     */
    public Object invoke(JobFunction function, Object[] arguments) throws Exception {
        Bean<?> bean = function.bean();
        CreationalContext<?> context = null;
        try {
            Object reference;
            if (beanManager.isNormalScope(bean.getScope())) {
                reference = proxies.computeIfAbsent(bean, this::proxyOf);
            } else {
                context = beanManager.createCreationalContext(bean);
                reference = beanManager.getReference(bean, bean.getBeanClass(), context);
            }
            JobInvocation.allowNextCall(function.method());
            return function.method().invoke(reference, arguments);
        } catch (InvocationTargetException e) {
            // Errors too (an AssertionError, a StackOverflowError): the job's failure is recorded under its own name.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception exception ? exception : e;
        } finally {
            JobInvocation.clear();
            if (context != null) {
                context.release();
            }
        }
    }

    private Object proxyOf(Bean<?> bean) {
        return beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
    }
}
