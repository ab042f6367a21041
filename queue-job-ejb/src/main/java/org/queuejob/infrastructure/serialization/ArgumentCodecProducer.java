package org.queuejob.infrastructure.serialization;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import org.queuejob.infrastructure.config.QueueJobSettings;

/** One codec, and one JSON-B instance, for the application's life (JSON-B instances are costly to build). */
@ApplicationScoped
public class ArgumentCodecProducer {

    @Inject
    QueueJobSettings settings;

    @Inject
    Instance<EntityManager> entityManagers;

    private Jsonb jsonb;
    private ArgumentCodec codec;

    @PostConstruct
    void create() {
        jsonb = JsonbBuilder.create();
        codec = new ArgumentCodec(jsonb, new JpaEntityReferences(entityManagers), settings.maxArgumentsBytes());
    }

    @Produces
    ArgumentCodec codec() {
        return codec;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close JSON-B", e);
        }
    }
}
