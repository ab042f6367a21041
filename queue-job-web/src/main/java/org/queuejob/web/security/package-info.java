/**
 * Who gets in and who may act. {@link org.queuejob.web.security.BackOfficeAuthentication} (the back office's Jakarta
 * Security authentication mechanism) is the one place where a password is checked, for the login form and the REST
 * API alike, after {@link org.queuejob.web.security.LoginThrottle} allows it. Who may look is decided by web.xml's
 * security constraints; who may act by the {@link org.queuejob.web.security.ManagerOnly} binding on page actions that
 * change something, checked by the container's role mapping on every call.
 */
package org.queuejob.web.security;
