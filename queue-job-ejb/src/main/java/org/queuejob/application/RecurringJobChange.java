package org.queuejob.application;

import org.queuejob.domain.model.recurring.MissedTicks;

/**
 * One save of a recurring job, field by field ({@link FieldEdit}): what the API's {@code PUT} gives (the fields its
 * body has; the others are kept), what a back-office form changed, or a whole record. Each field is resolved against
 * the record as {@link RecurringJobService#edit(long, String, RecurringJobChange)} reads it in its transaction, so a
 * field this save does not write keeps the value someone else may have given it meanwhile.
 *
 * @param argumentsJson a JSON array; null or blank: none
 * @param zone null or blank: UTC
 * @param channel null or blank: the job function's
 * @param priority null: the {@code @Job} priority
 */
public record RecurringJobChange(
        FieldEdit<String> cron,
        FieldEdit<String> zone,
        FieldEdit<String> jobFunction,
        FieldEdit<String> argumentsJson,
        FieldEdit<String> channel,
        FieldEdit<Integer> priority,
        FieldEdit<MissedTicks> missed,
        FieldEdit<Boolean> enabled,
        FieldEdit<Boolean> allowOverlap) {

    /** Every field of {@code request} written as it is, whatever the record holds. */
    public static RecurringJobChange whole(RecurringJobRequest request) {
        return new RecurringJobChange(
                FieldEdit.to(request.cron()),
                FieldEdit.to(request.zone()),
                FieldEdit.to(request.jobFunction()),
                FieldEdit.to(request.argumentsJson()),
                FieldEdit.to(request.channel()),
                FieldEdit.to(request.priority()),
                FieldEdit.to(request.missed()),
                FieldEdit.to(request.enabled()),
                FieldEdit.to(request.allowOverlap()));
    }

    /** A form loaded with {@code shown} and saved with {@code typed}: only the fields changed in it are written. */
    public static RecurringJobChange fromForm(RecurringJobView shown, RecurringJobRequest typed) {
        return new RecurringJobChange(
                FieldEdit.from(shown.cron(), typed.cron()),
                FieldEdit.from(shown.zone(), typed.zone()),
                FieldEdit.from(shown.jobFunction(), typed.jobFunction()),
                FieldEdit.from(shown.argumentsJson(), typed.argumentsJson()),
                FieldEdit.from(shown.channel(), typed.channel()),
                FieldEdit.from(shown.priority(), typed.priority()),
                FieldEdit.from(shown.missed(), typed.missed()),
                FieldEdit.from(shown.enabled(), typed.enabled()),
                FieldEdit.from(shown.allowOverlap(), typed.allowOverlap()));
    }
}
