package org.queuejob.infrastructure.interception;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.queuejob.api.Job;
import org.queuejob.domain.model.job.RetryPattern;

/** What a job's method throws comes out of the invoker as itself, so that the job's failure is recorded under its name. */
class JobInvokerTest {

    public static class Checks {
        @Job
        public void assertTotal() {
            throw new AssertionError("expected 2 but was 3");
        }

        @Job
        public void recurse() {
            throw new StackOverflowError();
        }

        @Job
        public void refuse() {
            throw new IllegalStateException("no stock");
        }
    }

    private final JobInvoker invoker = invoker();

    @Test
    void anErrorThrownByTheJobComesOutAsItself_notAsAnInvocationTargetException() {
        assertThatThrownBy(() -> invoker.invoke(function("assertTotal"), new Object[0]))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("expected 2 but was 3");
        assertThatThrownBy(() -> invoker.invoke(function("recurse"), new Object[0]))
                .isExactlyInstanceOf(StackOverflowError.class);
    }

    @Test
    void anExceptionThrownByTheJobComesOutAsItself() {
        assertThatThrownBy(() -> invoker.invoke(function("refuse"), new Object[0]))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("no stock");
    }

    private static JobFunction function(String name) throws NoSuchMethodException {
        Method method = Checks.class.getMethod(name);
        Bean<?> bean = (Bean<?>) Proxy.newProxyInstance(
                JobInvokerTest.class.getClassLoader(),
                new Class<?>[] {Bean.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "getScope" -> ApplicationScoped.class;
                    case "getBeanClass" -> Checks.class;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(called.getName());
                });
        return new JobFunction(name, bean, method, method.getAnnotation(Job.class), RetryPattern.NONE);
    }

    /** A bean manager whose one bean is a normal-scoped {@link Checks}. */
    private static JobInvoker invoker() {
        JobInvoker built = new JobInvoker();
        built.beanManager = (BeanManager) Proxy.newProxyInstance(
                JobInvokerTest.class.getClassLoader(),
                new Class<?>[] {BeanManager.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "isNormalScope" -> true;
                    case "createCreationalContext" -> null;
                    case "getReference" -> new Checks();
                    default -> throw new UnsupportedOperationException(called.getName());
                });
        return built;
    }
}
