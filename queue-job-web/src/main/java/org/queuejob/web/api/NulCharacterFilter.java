package org.queuejob.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.queuejob.domain.model.job.StoredText;

/**
 * Refuses an address whose path or query holds the character U+0000 (NUL, {@code %00}): no job, channel or text the
 * queue stores can hold one, and PostgreSQL fails the statement that is given one (a search for {@code a%00b} was a
 * 500). Runs after the role check, so that an anonymous caller still learns first that it must log in.
 */
@Provider
@Priority(Priorities.USER + 100)
public class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (StoredText.hasNul(path)) {
            refuse(request, "The address's path");
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (StoredText.hasNul(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(StoredText::hasNul)) {
                refuse(request, "The query parameter " + parameter.getKey().replace(StoredText.NUL, '?'));
                return;
            }
        }
    }

    private static void refuse(ContainerRequestContext request, String what) {
        request.abortWith(Problems.response(
                400,
                StoredText.refusal(what),
                request.getUriInfo().getRequestUri().getRawPath()));
    }
}
