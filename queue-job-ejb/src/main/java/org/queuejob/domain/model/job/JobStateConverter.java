package org.queuejob.domain.model.job;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link JobState} as the original's lower-case names, which native dispatch queries also use. */
@Converter
public class JobStateConverter implements AttributeConverter<JobState, String> {

    @Override
    public String convertToDatabaseColumn(JobState state) {
        return state == null ? null : state.dbValue();
    }

    @Override
    public JobState convertToEntityAttribute(String value) {
        return value == null ? null : JobState.fromDbValue(value);
    }
}
