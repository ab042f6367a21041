package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new channel record: its complete name and settings; absent settings as the back office's New channel starts. */
@Schema(name = "ChannelCreate")
public class ChannelCreateJson implements JsonRequest {

    @Schema(required = true, description = "The complete name, from root", example = "root.mail.eu")
    public String name;

    @Schema(description = "Jobs at once; absent or 0 = unlimited")
    public Integer capacity;

    @Schema(description = "Absent = false")
    public Boolean sequential;

    @Schema(description = "Seconds between starts; absent or 0 = none")
    public Integer throttleSeconds;

    @Schema(
            description = "Days before done and cancelled jobs are deleted; absent = the interval the channel has now,"
                    + " its nearest configured ancestor's")
    public Integer removalIntervalDays;
}
