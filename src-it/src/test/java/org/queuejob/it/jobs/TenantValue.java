package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.queuejob.api.JobContextValue;

/** An application's own context value: a tenant held per thread, carried from the caller to the job. */
@ApplicationScoped
public class TenantValue implements JobContextValue {

    public static final String KEY = "tenant";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static void set(String tenant) {
        CURRENT.set(tenant);
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<String> capture() {
        return current();
    }

    @Override
    public void restore(String value) {
        CURRENT.set(value);
    }

    @Override
    public void clear() {
        CURRENT.remove();
    }
}
