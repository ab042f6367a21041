package org.queuejob.infrastructure.serialization;

import jakarta.enterprise.inject.Instance;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import java.util.Objects;

/**
 * Entity references through the application's {@link EntityManager}, which it exposes as a CDI bean (a one-line
 * producer: {@code @Produces @PersistenceContext EntityManager em;}). Looked up lazily, so applications that never
 * pass entities need no producer.
 */
public class JpaEntityReferences implements EntityReferences {

    static final String NO_ENTITY_MANAGER = "Job arguments that are JPA entities (%s) are stored as references and "
            + "need the application's EntityManager as a CDI bean: add '@Produces @PersistenceContext EntityManager "
            + "em;' to one of your beans.";

    private final Instance<EntityManager> entityManagers;

    public JpaEntityReferences(Instance<EntityManager> entityManagers) {
        this.entityManagers = Objects.requireNonNull(entityManagers, "An EntityManager lookup is required.");
    }

    @Override
    public boolean isEntity(Class<?> type) {
        return isEntityClass(type);
    }

    /** Whether {@code type} is a JPA entity, told without an {@code EntityManager} (at deployment too). */
    public static boolean isEntityClass(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }

    @Override
    public Object idOf(Object entity) {
        return entityManager(entity.getClass())
                .getEntityManagerFactory()
                .getPersistenceUnitUtil()
                .getIdentifier(entity);
    }

    @Override
    public Class<?> idType(Class<?> entityType) {
        return entityManager(entityType)
                .getMetamodel()
                .entity(entityType)
                .getIdType()
                .getJavaType();
    }

    @Override
    public Object load(Class<?> entityType, Object id) {
        Object entity = entityManager(entityType).find(entityType, id);
        if (entity == null) {
            throw new EntityNotFoundException(
                    "The " + entityType.getSimpleName() + " with id " + id + " given to this job no longer exists.");
        }
        return entity;
    }

    private EntityManager entityManager(Class<?> entityType) {
        if (!entityManagers.isResolvable()) {
            throw new IllegalStateException(String.format(NO_ENTITY_MANAGER, entityType.getName()));
        }
        return entityManagers.get();
    }
}
