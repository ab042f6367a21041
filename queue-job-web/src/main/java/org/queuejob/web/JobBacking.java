package org.queuejob.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.web.format.JobTexts;

/**
 * One job ({@code job.xhtml?uuid=...}): every field of the original's job form. An unknown or malformed uuid is
 * answered with HTTP 404 and a message naming it, not with an exception.
 */
@Named
@ViewScoped
public class JobBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String NO_SUCH_JOB = "No job with uuid %s.";
    static final String NO_UUID = "No job with uuid (none given): open a job from the job list.";

    /** Longest part of a requested uuid repeated in the not-found message. */
    static final int MAX_ECHOED_CHARS = 64;

    @Inject
    JobQueryService jobQueries;

    @Param
    private String uuid;

    /** Not serializable: read again from {@link #uuid} after deserialisation. */
    private transient QueueJob job;

    private transient boolean loaded;

    /** View action: a page for a job that does not exist answers 404. */
    public void load() {
        if (getJob() == null) {
            Faces.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public QueueJob getJob() {
        if (!loaded) {
            job = parse(uuid).flatMap(jobQueries::find).orElse(null);
            loaded = true;
        }
        return job;
    }

    public String getNotFoundMessage() {
        if (uuid == null || uuid.isBlank()) {
            return NO_UUID;
        }
        String asked = uuid.strip();
        return String.format(
                NO_SUCH_JOB, asked.length() > MAX_ECHOED_CHARS ? asked.substring(0, MAX_ECHOED_CHARS) + "…" : asked);
    }

    public String getGraphUuid() {
        return getJob().graphUuid().map(UUID::toString).orElse(null);
    }

    public String getArguments() {
        return JobTexts.prettyJson(getJob().arguments());
    }

    public String getExecTimeSeconds() {
        return JobTexts.seconds(getJob().execTimeMillis());
    }

    static Optional<UUID> parse(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(uuid.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
