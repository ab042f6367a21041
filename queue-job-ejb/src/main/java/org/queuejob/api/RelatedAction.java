package org.queuejob.api;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * Where the back office's "Related" button leads for a job: the original's related action, which opened the record
 * a job works on. Implement it as a {@code @Named} CDI bean and name the bean on the job function, with {@code
 * @Job(relatedAction = "openOrder")} or in the job function's record in the back office:
 *
 * <pre>{@code
 * @Named("openOrder") @ApplicationScoped
 * public class OpenOrder implements RelatedAction {
 *     public Optional<URI> target(RelatedJob job, JsonObject kwargs) {
 *         return Optional.of(URI.create("/shop/orders.xhtml?id=" + job.arguments().getJsonNumber(0)));
 *     }
 * }
 * }</pre>
 */
public interface RelatedAction {

    /**
     * The page to open for {@code job}, or empty when there is nothing to open (the back office then says "No action
     * available for this job", as the original does). {@code kwargs} come from the job function's record.
     */
    Optional<URI> target(RelatedJob job, JsonObject kwargs);
}
