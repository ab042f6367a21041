package org.queuejob.domain.model.function;

/** A job-function record changed; should its transaction roll back, the job-function catalog reloads. */
public record JobFunctionEdited(String name) {}
