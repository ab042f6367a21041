package org.queuejob.infrastructure.interception;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.json.JsonArray;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.queuejob.api.RelatedAction;
import org.queuejob.api.RelatedJob;
import org.queuejob.domain.model.function.RelatedActionSpec;
import org.queuejob.domain.model.job.QueueJob;

/**
 * The {@code @Named} {@link RelatedAction} beans of the deployment, found while CDI discovers them: a related action
 * record names one of these, never an arbitrary class or method. A {@code @Job(relatedAction = …)} naming none
 * fails the deployment.
 */
public class RelatedActions implements Extension {

    static final String UNKNOWN = "No related action named '%s' (a @Named bean implementing "
            + RelatedAction.class.getName() + ") for job function %s.";

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Map<String, Bean<?>> byName = new ConcurrentHashMap<>();
    private volatile BeanManager beanManager;

    <T> void collect(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        if (bean.getName() != null && bean.getTypes().contains(RelatedAction.class)) {
            byName.put(bean.getName(), bean);
        }
    }

    void checkJobFunctions(@Observes AfterDeploymentValidation event, BeanManager manager) {
        this.beanManager = manager;
        for (JobFunction function :
                manager.getExtension(JobFunctionRegistry.class).all()) {
            String name = function.defaults().relatedAction();
            if (!name.isBlank() && !byName.containsKey(name)) {
                event.addDeploymentProblem(new DeploymentException(String.format(UNKNOWN, name, function.name())));
            }
        }
    }

    /** @throws IllegalArgumentException when no related action bean has this name */
    public void check(String beanName, String functionName) {
        if (!byName.containsKey(beanName)) {
            throw new IllegalArgumentException(String.format(UNKNOWN, beanName, functionName));
        }
    }

    /** Asks the named bean where to go for {@code job}. */
    public Optional<URI> target(RelatedActionSpec spec, QueueJob job) {
        Bean<?> bean = byName.get(spec.funcName());
        if (bean == null) {
            return Optional.empty();
        }
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            RelatedAction action = (RelatedAction) beanManager.getReference(bean, RelatedAction.class, context);
            JsonArray arguments;
            try (var reader = JSON.createReader(new StringReader(job.arguments()))) {
                arguments = reader.readArray();
            }
            return action.target(new RelatedJob(job.uuid(), job.jobFunction(), arguments), spec.kwargs());
        } finally {
            context.release();
        }
    }
}
