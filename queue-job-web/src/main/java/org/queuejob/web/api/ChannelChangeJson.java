package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A channel's new settings (created if it has no record); absent fields keep their current value. */
@Schema(name = "ChannelChange")
public class ChannelChangeJson implements JsonRequest {

    @Schema(description = "Jobs at once; 0 = unlimited (not on root)")
    public Integer capacity;

    public Boolean sequential;

    @Schema(description = "Seconds between starts; 0 = none")
    public Integer throttleSeconds;

    @Schema(description = "Days before done and cancelled jobs are deleted")
    public Integer removalIntervalDays;
}
