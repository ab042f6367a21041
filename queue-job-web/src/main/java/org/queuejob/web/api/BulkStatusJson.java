package org.queuejob.web.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.web.BulkActionView;

/** A bulk action as its record in the database says, the same on every server. */
@Schema(name = "BulkStatus")
public class BulkStatusJson {

    @Schema(required = true, description = "The action's number, as on the Bulk actions screen")
    public long id;

    @Schema(
            required = true,
            enumeration = {"requeue", "done", "cancel", "priority", "channel"})
    public String action;

    @Schema(required = true, description = "This status's address: poll it until 'finished'")
    public String progressUrl;

    @Schema(
            required = true,
            enumeration = {"running", "completed", "stopped", "failed"})
    public String state;

    @Schema(required = true)
    public String startedBy;

    @Schema(required = true, description = "The jobs it goes through, as people read it")
    public String filter;

    @Schema(required = true, description = "The server running it (or that ran it last)")
    public String server;

    @Schema(required = true)
    public Instant startedAt;

    public Instant endedAt;

    @Schema(required = true, description = "Jobs it applied to when it started")
    public long total;

    @Schema(required = true, description = "Jobs gone through: changed or not")
    public long processed;

    @Schema(required = true)
    public long changed;

    @Schema(required = true, description = "Jobs not changed; 'reasons' says why")
    public long notChanged;

    @Schema(required = true, description = "\"1 job: no longer in a state this action applies to …\"")
    public List<String> reasons;

    @Schema(required = true)
    public int percent;

    @Schema(required = true, description = "Not running any more: completed, stopped or failed")
    public boolean finished;

    @Schema(description = "Why it stopped or failed")
    public String error;

    static BulkStatusJson of(BulkActionView view, String url) {
        BulkStatusJson json = new BulkStatusJson();
        json.id = view.run().id();
        json.action = BulkActionsResource.apiName(view.run().action());
        json.progressUrl = url;
        json.state = view.run().outcome().dbValue();
        json.startedBy = view.run().startedBy();
        json.filter = view.run().filterText();
        json.server = view.run().server();
        json.startedAt = view.run().startedAt();
        json.endedAt = view.run().endedAt();
        json.total = view.run().matched();
        json.processed = view.run().processed();
        json.changed = view.run().changed();
        json.notChanged = view.run().notChanged();
        json.reasons = view.getReasons();
        json.percent = view.getPercent();
        json.finished = view.isFinished();
        json.error = view.run().reason();
        return json;
    }
}
