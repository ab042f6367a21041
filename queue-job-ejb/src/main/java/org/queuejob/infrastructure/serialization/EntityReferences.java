package org.queuejob.infrastructure.serialization;

/**
 * Turns JPA entities into references (type + id) and back. The queue's own persistence unit does not know the
 * application's entities, so this asks the application's {@code EntityManager}.
 */
public interface EntityReferences {

    boolean isEntity(Class<?> type);

    /** The entity's id; fails when the entity has none yet (not persisted). */
    Object idOf(Object entity);

    Class<?> idType(Class<?> entityType);

    /** The entity with that id, or an exception when it no longer exists. */
    Object load(Class<?> entityType, Object id);
}
