package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;

/** Overrides {@link ExportJobs#archive} without {@code @Job}: the annotation is not inherited. */
@ApplicationScoped
public class HiddenJobs extends ExportJobs {

    @Override
    public void archive(long id) {}
}
