package org.queuejob.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.queuejob.domain.model.job.StoredText;

/**
 * Refuses a query parameter given more than once where the operation takes one value: the server would otherwise keep
 * the first and drop the others without a word ({@code GET /jobs?channel=a&channel=b} listed only a's jobs). Only
 * {@link #REPEATABLE} parameters take several values. Runs after the role check, as {@link NulCharacterFilter}.
 */
@Provider
@Priority(Priorities.USER + 100)
public class RepeatedParameterFilter implements ContainerRequestFilter {

    /** The parameters an operation takes several values of ({@code GET /jobs?state=pending&state=failed}). */
    static final Set<String> REPEATABLE = Set.of("state");

    @Override
    public void filter(ContainerRequestContext request) {
        refusal(request.getUriInfo().getQueryParameters(true))
                .ifPresent(sentence -> request.abortWith(Problems.response(
                        400, sentence, request.getUriInfo().getRequestUri().getRawPath())));
    }

    /** The sentence refusing the first repeated single-valued parameter (by name), if any. */
    static Optional<String> refusal(Map<String, List<String>> query) {
        return new TreeMap<>(query)
                .entrySet().stream()
                        .filter(parameter -> !REPEATABLE.contains(parameter.getKey())
                                && parameter.getValue().size() > 1)
                        .findFirst()
                        .map(parameter -> String.format(
                                "The query parameter %s is given %d times; it takes one value.",
                                StoredText.prefix(parameter.getKey(), 64),
                                parameter.getValue().size()));
    }
}
