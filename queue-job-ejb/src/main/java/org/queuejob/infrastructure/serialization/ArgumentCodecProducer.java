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

/** One codec, and its JSON-B instances, for the application's life (JSON-B instances are costly to build). */
@ApplicationScoped
public class ArgumentCodecProducer {

    @Inject
    QueueJobSettings settings;

    @Inject
    Instance<EntityManager> entityManagers;

    private Jsonb jsonb;
    private Jsonb probe;
    private ArgumentCodec codec;

    @PostConstruct
    void create() {
        jsonb = JsonbBuilder.create();
        probe = JsonbBuilder.create(ArgumentCodec.probeConfig());
        codec = new ArgumentCodec(jsonb, probe, new JpaEntityReferences(entityManagers), settings.maxArgumentsBytes());
    }

    @Produces
    ArgumentCodec codec() {
        return codec;
    }

    @PreDestroy
    void close() {
        try (Jsonb alsoClosed = probe) {
            jsonb.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close JSON-B", e);
        }
    }
}
