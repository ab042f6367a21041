package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;

/** One of the two beans inheriting {@link ExportJobs#export}. */
@ApplicationScoped
public class CsvExportJobs extends ExportJobs {}
