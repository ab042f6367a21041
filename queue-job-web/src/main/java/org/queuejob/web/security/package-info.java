/**
 * Who may act: the {@link org.queuejob.web.security.ManagerOnly} binding on page actions that change something, checked
 * by the container's role mapping on every call. Who may look is decided by web.xml's security constraints.
 */
package org.queuejob.web.security;
