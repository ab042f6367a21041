package org.queuejob.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of the user behind a call, or none for an anonymous caller. Servers never give a null principal to
 * beans: they name the anonymous caller, each its own way (Payara {@code ANONYMOUS}, WildFly {@code anonymous}).
 * Those names come from {@code queue-job.anonymous-principal-names} (comma-separated), both by default.
 */
@ApplicationScoped
public class CallerNames {

    public static final String ANONYMOUS_NAMES = "queue-job.anonymous-principal-names";

    public static final String DEFAULT_ANONYMOUS_NAMES = "ANONYMOUS,anonymous";

    private final Set<String> anonymous;

    /** For the container's proxy only. */
    CallerNames() {
        this.anonymous = Set.of();
    }

    @Inject
    CallerNames(@ConfigProperty(name = ANONYMOUS_NAMES, defaultValue = DEFAULT_ANONYMOUS_NAMES) List<String> names) {
        this.anonymous = Set.copyOf(names.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList());
    }

    /** The caller's name, or null when the caller is anonymous (or has no name). */
    public String nameOf(Principal caller) {
        String name = caller == null ? null : caller.getName();
        return name == null || name.isBlank() || anonymous.contains(name) ? null : name;
    }
}
