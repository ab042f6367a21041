package org.queuejob.infrastructure.interception;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.queuejob.api.Job;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.RetryPattern;

/**
 * Finds every {@link Job} method of the deployment's beans while CDI discovers them. This table is the allow-list:
 * a stored job names a function, and only a name found here can be invoked, so no row can make the queue call an
 * arbitrary method.
 */
public class JobFunctionRegistry implements Extension {

    private final Map<String, JobFunction> byName = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        if (event.getAnnotatedBeanClass().isAnnotationPresent(Job.class)
                && !event.getAnnotatedBeanClass().isAnnotationPresent(Interceptor.class)) {
            problems.add("@Job belongs on methods, not on the bean class "
                    + event.getAnnotatedBeanClass().getJavaClass().getName() + ": say which methods are jobs.");
        }
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        problems.addAll(BeanChecks.jobsNotSeen(beanClass));
        List<AnnotatedMethod<? super T>> jobMethods = event.getAnnotatedBeanClass().getMethods().stream()
                .filter(method -> method.isAnnotationPresent(Job.class))
                .toList();
        if (jobMethods.isEmpty()) {
            return;
        }
        Optional<String> unfitBean =
                BeanChecks.unfitBean(event.getBean(), jobMethods.get(0).getJavaMember());
        if (unfitBean.isPresent()) {
            problems.add(unfitBean.get());
            return;
        }
        for (AnnotatedMethod<? super T> annotated : jobMethods) {
            Job job = annotated.getAnnotation(Job.class);
            Optional<String> combination = BeanChecks.unfitCombination(beanClass, annotated.getJavaMember());
            if (combination.isPresent()) {
                problems.add(combination.get());
                continue;
            }
            String name = JobFunction.nameOf(annotated.getJavaMember());
            try {
                RetryPattern pattern = RetryPattern.parse(job.retryPattern(), name);
                JobFunction function = new JobFunction(name, event.getBean(), annotated.getJavaMember(), job, pattern);
                checkDefaults(function);
                register(function);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /**
     * The annotation's channel, max. retries and description under the rules every job's options follow, and its
     * timeout: broken, they would fail each call or run of the method, so they fail the deployment instead.
     *
     * @throws IllegalArgumentException naming the method and what is wrong
     */
    private static void checkDefaults(JobFunction function) {
        Job defaults = function.defaults();
        try {
            new JobOptions(
                    defaults.priority(),
                    null,
                    defaults.maxRetries(),
                    function.defaultDescription(),
                    defaults.channel(),
                    null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Job on " + function.name() + ": " + e.getMessage(), e);
        }
        if (defaults.timeoutSeconds() < 0) {
            throw new IllegalArgumentException("@Job on " + function.name() + ": timeoutSeconds must be a whole number"
                    + " of seconds greater than 0, or 0 for the configured default (queue-job.job-timeout-seconds),"
                    + " got " + defaults.timeoutSeconds());
        }
    }

    /** The job functions whose {@code @Job} gives a timeout of their own, with it in seconds. */
    public Map<String, Integer> timeoutsInCode() {
        Map<String, Integer> timeouts = new HashMap<>();
        byName.forEach((name, function) -> {
            if (function.defaults().timeoutSeconds() > 0) {
                timeouts.put(name, function.defaults().timeoutSeconds());
            }
        });
        return timeouts;
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    private void register(JobFunction function) {
        Method method = function.method();
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers)) {
            problems.add("@Job method " + function.name() + " must not be static, private or final: the queue "
                    + "intercepts calls to it through its bean.");
            return;
        }
        JobFunction previous = byName.putIfAbsent(function.name(), function);
        if (previous != null && !previous.method().equals(method)) {
            problems.add("@Job methods must not be overloaded: " + function.name() + " has two (" + previous.method()
                    + " and " + method + "); a stored job must name exactly one method.");
        } else if (previous != null && !previous.bean().equals(function.bean())) {
            problems.add("@Job method " + function.name() + " is inherited by more than one bean ("
                    + previous.bean().getBeanClass().getName() + " and "
                    + function.bean().getBeanClass().getName()
                    + "): a stored job names the method, not the bean, so it would run on one of them only. Override"
                    + " it with @Job in each bean (each then has a job function of its own), or keep it in one bean.");
        }
        method.setAccessible(true);
    }

    public Optional<JobFunction> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<JobFunction> find(Method method) {
        JobFunction function = byName.get(JobFunction.nameOf(method));
        return function != null && function.method().equals(method) ? Optional.of(function) : Optional.empty();
    }

    public Collection<JobFunction> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
