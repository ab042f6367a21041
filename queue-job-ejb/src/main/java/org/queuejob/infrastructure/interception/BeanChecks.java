package org.queuejob.infrastructure.interception;

import jakarta.ejb.TransactionAttribute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.queuejob.api.Job;

/**
 * What makes a {@link Job} method unusable although it compiles, each refused at deployment with a sentence, where
 * it would otherwise fail every run later, run at once without being stored, or be stored outside the caller's
 * transaction. Plain reflection over the bean's class, so that each rule is tested without a container.
 */
final class BeanChecks {

    /** The scopes a worker can reach a bean in: no session, conversation or view is active on a worker's thread. */
    static final Set<Class<? extends Annotation>> WORKER_SCOPES =
            Set.of(ApplicationScoped.class, Dependent.class, Singleton.class, RequestScoped.class);

    /** Transaction types that would store the job outside the caller's transaction, or run its work apart. */
    private static final Set<String> OWN_TRANSACTION = Set.of("REQUIRES_NEW", "NOT_SUPPORTED", "NEVER");

    private BeanChecks() {}

    /** A bean the queue cannot call a job's method on: a scope no worker has, or a type CDI does not give out. */
    static Optional<String> unfitBean(Bean<?> bean, Method method) {
        String name = JobFunction.nameOf(method);
        if (!WORKER_SCOPES.contains(bean.getScope())) {
            return Optional.of("@Job method " + name + " is on a @"
                    + bean.getScope().getSimpleName() + " bean ("
                    + bean.getBeanClass().getName() + "): workers run jobs outside any session, conversation or view,"
                    + " so every run would fail. Put it on an @ApplicationScoped, @Dependent or session bean.");
        }
        if (!bean.getTypes().contains(bean.getBeanClass())) {
            return Optional.of("@Job method " + name + " is on "
                    + bean.getBeanClass().getName() + ", which CDI"
                    + " gives out only as " + typeNames(bean) + ": workers call the method on the bean's own class."
                    + " Add @LocalBean to the session bean, or take its class out of @Typed.");
        }
        return Optional.empty();
    }

    /**
     * Another annotation that changes when or in which transaction the call runs: {@code @Asynchronous} would store
     * the job from another thread; a transaction of its own would store it even when the caller rolls back, and run
     * its work apart from its done mark.
     */
    static Optional<String> unfitCombination(Class<?> beanClass, Method method) {
        String name = JobFunction.nameOf(method);
        if (asynchronous(method) || asynchronous(beanClass)) {
            return Optional.of("@Job method " + name + " is also @Asynchronous: the queue already runs it later on"
                    + " its workers, and an asynchronous call would store the job from another thread, outside the"
                    + " caller's transaction. Remove @Asynchronous.");
        }
        Optional<String> own = ownTransaction(method, beanClass);
        return own.map(type -> "@Job method " + name + " asks for a transaction type " + type + ": the job would be"
                + " stored outside the caller's transaction (and kept when it rolls back), and its work would not"
                + " commit with its done mark. Use REQUIRED (the default), SUPPORTS or MANDATORY.");
    }

    /**
     * {@code @Job} methods of the bean's superclasses and interfaces that the bean overrides without {@code @Job}:
     * annotations on methods are not inherited, so calls to the bean's method would run at once and store nothing.
     */
    static List<String> jobsNotSeen(Class<?> beanClass) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : supertypes(beanClass)) {
            for (Method declared : type.getDeclaredMethods()) {
                if (!declared.isAnnotationPresent(Job.class)
                        || Modifier.isStatic(declared.getModifiers())
                        || Modifier.isPrivate(declared.getModifiers())) {
                    continue;
                }
                Method implementation = implementationOf(beanClass, declared);
                if (implementation != null
                        && !implementation.getDeclaringClass().equals(type)
                        && !implementation.isAnnotationPresent(Job.class)) {
                    problems.add("@Job on " + JobFunction.nameOf(declared) + " is not seen: "
                            + implementation.getDeclaringClass().getName() + "." + implementation.getName()
                            + " overrides it without @Job, so calls to it would run at once and store nothing"
                            + " (annotations on methods are not inherited). Put @Job on the overriding method.");
                }
            }
        }
        return problems;
    }

    /** The most derived class's method with {@code declared}'s signature, from the bean's class up. */
    private static Method implementationOf(Class<?> beanClass, Method declared) {
        for (Class<?> type = beanClass; type != null; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(declared.getName(), declared.getParameterTypes());
                if (!Modifier.isStatic(method.getModifiers()) && !method.isBridge()) {
                    return method;
                }
            } catch (NoSuchMethodException notHere) {
                // looked for in the superclass next
            }
        }
        return null;
    }

    /** The bean's superclasses and every interface it has, its own class left out; none of the JDK's. */
    private static Set<Class<?>> supertypes(Class<?> beanClass) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>();
        next.add(beanClass);
        while (!next.isEmpty()) {
            Class<?> type = next.poll();
            if (type.getSuperclass() != null) {
                next.add(type.getSuperclass());
            }
            next.addAll(Arrays.asList(type.getInterfaces()));
            if (type != beanClass && !type.getName().startsWith("java.")) {
                found.add(type);
            }
        }
        return found;
    }

    private static boolean asynchronous(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(jakarta.ejb.Asynchronous.class)
                || element.isAnnotationPresent(jakarta.enterprise.concurrent.Asynchronous.class);
    }

    /** The method's transaction type where it gives one, else its class's (per annotation, as the containers read). */
    private static Optional<String> ownTransaction(Method method, Class<?> beanClass) {
        Transactional transactional = method.isAnnotationPresent(Transactional.class)
                ? method.getAnnotation(Transactional.class)
                : beanClass.getAnnotation(Transactional.class);
        if (transactional != null
                && OWN_TRANSACTION.contains(transactional.value().name())) {
            return Optional.of("@Transactional(" + transactional.value().name() + ")");
        }
        TransactionAttribute attribute = method.isAnnotationPresent(TransactionAttribute.class)
                ? method.getAnnotation(TransactionAttribute.class)
                : beanClass.getAnnotation(TransactionAttribute.class);
        if (attribute != null && OWN_TRANSACTION.contains(attribute.value().name())) {
            return Optional.of("@TransactionAttribute(" + attribute.value().name() + ")");
        }
        return Optional.empty();
    }

    private static String typeNames(Bean<?> bean) {
        return bean.getTypes().stream()
                .map(type -> type.getTypeName())
                .filter(type -> !type.equals(Object.class.getName()))
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
