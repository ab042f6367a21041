package org.queuejob.web.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A page action that changes jobs or channels: runs only for a caller in the role {@value Roles#MANAGER}, as the
 * container knows it. Anybody else, however the request was made (a hidden button, a forged POST), gets an error
 * message and nothing happens.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface ManagerOnly {}
