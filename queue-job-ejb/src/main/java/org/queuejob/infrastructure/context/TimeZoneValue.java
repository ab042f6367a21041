package org.queuejob.infrastructure.context;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The caller's time zone (the original's {@code tz}). Jakarta EE has no per-user time zone, so this is the server's
 * default zone; an application that knows its users' zones declares a {@code JobContextValue} bean with key {@code
 * tz} and that one is used instead.
 */
@ApplicationScoped
public class TimeZoneValue implements BuiltInContextValue {

    public static final String KEY = "tz";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<String> capture() {
        return Optional.of(ZoneId.systemDefault().getId());
    }
}
