package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.queuejob.api.JobContextValue;

/** Replaces the queue's own {@code tz} value, as an application that knows its users' time zones would. */
@ApplicationScoped
public class UserTimeZoneValue implements JobContextValue {

    private static final ThreadLocal<String> USER_ZONE = new ThreadLocal<>();

    public static void set(String zone) {
        USER_ZONE.set(zone);
    }

    @Override
    public String key() {
        return "tz";
    }

    @Override
    public Optional<String> capture() {
        return Optional.ofNullable(USER_ZONE.get());
    }
}
