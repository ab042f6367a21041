package org.queuejob.domain.model.job;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Binds {@link UUID}s as text, which PostgreSQL casts to its {@code uuid} type; reads whatever the driver returns
 * (the PostgreSQL driver gives {@code UUID} objects). EclipseLink 4.0's own UUID support fails on PostgreSQL
 * ("Source object is not an instance of java.util.UUID").
 */
@Converter
public class UuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid == null ? null : uuid.toString();
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }
}
