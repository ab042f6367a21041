package org.queuejob.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The role an operation needs ({@link Allowed} on its method, else on its class), checked by the container's
 * own {@code isUserInRole} before the operation runs: a viewer's change gets 403 and changes nothing.
 */
@Provider
public class RoleCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Allowed roles = method.getAnnotation(Allowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(Allowed.class);
        }
        if (roles == null) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(Problems.response(
                    401,
                    "This API needs the credentials of a back-office user.",
                    request.getUriInfo().getRequestUri().getPath()));
            return;
        }
        if (Arrays.stream(roles.value()).noneMatch(request.getSecurityContext()::isUserInRole)) {
            request.abortWith(Problems.response(
                    403,
                    "This needs the role " + String.join(" or ", roles.value()) + "; user '"
                            + request.getSecurityContext().getUserPrincipal().getName() + "' may only read.",
                    request.getUriInfo().getRequestUri().getPath()));
        }
    }
}
