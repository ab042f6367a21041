package org.queuejob.application;

/** A job-function record changed; should its transaction roll back, {@link JobFunctionCatalog} reloads. */
public record JobFunctionEdited(String name) {}
