package org.queuejob.domain.model.recurring;

/** Where a recurring job was declared. */
public enum RecurringOrigin {

    /** {@code @Recurring} on a {@code @Job} method: the schedule follows the code at each deployment. */
    CODE,

    /** Created in the back office (or through the service): staff edit all of it. */
    BACK_OFFICE
}
