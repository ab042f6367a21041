package org.queuejob.web.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.application.BulkProgress;

/** How far a bulk action has come. */
@Schema(name = "BulkStatus")
public class BulkStatusJson {

    @Schema(required = true)
    public UUID id;

    @Schema(required = true)
    public String action;

    @Schema(required = true, description = "This status's address: poll it until 'finished'")
    public String progressUrl;

    @Schema(required = true, description = "Jobs to go through; -1 while they are being selected")
    public int total;

    @Schema(required = true)
    public int processed;

    @Schema(required = true)
    public int changed;

    @Schema(required = true, description = "Jobs not changed (their state changed meanwhile)")
    public int notChanged;

    @Schema(required = true)
    public int percent;

    @Schema(required = true)
    public boolean finished;

    @Schema(description = "Why it stopped early")
    public String error;

    static BulkStatusJson of(UUID id, String action, String url, BulkProgress progress) {
        BulkStatusJson json = new BulkStatusJson();
        json.id = id;
        json.action = action;
        json.progressUrl = url;
        json.total = progress.total();
        json.processed = progress.processed();
        json.changed = progress.changed();
        json.notChanged = progress.failed();
        json.percent = progress.percent();
        json.finished = progress.finished();
        json.error = progress.error();
        return json;
    }
}
