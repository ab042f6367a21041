package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;
import org.queuejob.api.RelatedAction;
import org.queuejob.api.RelatedJob;

/** The related action of {@link TestJobs#related}: the customer's page, under an optional {@code prefix} kwarg. */
@Named("openCustomer")
@ApplicationScoped
public class OpenCustomer implements RelatedAction {

    @Override
    public Optional<URI> target(RelatedJob job, JsonObject kwargs) {
        String name = job.arguments().getString(0);
        if (name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(kwargs.getString("prefix", "") + "/customers/" + name));
    }
}
