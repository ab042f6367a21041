package org.queuejob.api;

import java.util.Optional;

/**
 * One value of the enqueuing caller's context that travels with the job and is there again when it runs: the
 * original's allow-listed context ({@code tz}, {@code lang}, …), the Jakarta EE way. The queue carries {@code
 * locale} and {@code tz} itself; an application adds a key by declaring a CDI bean of this type, and replaces a
 * built-in one by declaring a bean with the same key. Only keys of such beans are stored, and only those are
 * restored: the allow-list is the set of beans.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TenantValue implements JobContextValue {
 *     @Inject TenantHolder tenant;
 *     public String key() { return "tenant"; }
 *     public Optional<String> capture() { return Optional.ofNullable(tenant.current()); }
 *     public void restore(String value) { tenant.set(value); }
 *     public void clear() { tenant.set(null); }
 * }
 * }</pre>
 *
 * Job code reads the values through {@link JobContext#value(String)}, {@link JobContext#locale()} and {@link
 * JobContext#timeZone()}.
 */
public interface JobContextValue {

    /** The name the value is stored under. */
    String key();

    /** At enqueue, on the caller's thread: the value to carry, or empty to carry nothing. */
    Optional<String> capture();

    /** On the worker, just before the job's method runs: make {@code value} current, if the value has a home. */
    default void restore(String value) {}

    /** On the worker, after the job's method, whatever its outcome: undo {@link #restore}. */
    default void clear() {}
}
