package org.queuejob.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an operation (on the method, else on its resource class), checked by {@link RoleCheck}. Not
 * {@code @RolesAllowed}: whether a server enforces that on a plain REST resource, and with what answer, varies; this
 * check is the API's own and answers a problem document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
    String[] value();
}
