package org.queuejob.api;

import jakarta.json.JsonArray;
import java.util.UUID;

/** What a {@link RelatedAction} knows of the job: its uuid, job function and stored arguments (a JSON array). */
public record RelatedJob(UUID uuid, String jobFunction, JsonArray arguments) {}
