package org.queuejob.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One keyset page of jobs. */
@Schema(name = "JobList", description = "A page of jobs; follow 'nextUrl' (or pass 'next' as 'after') for the next")
public class JobListJson {

    @Schema(required = true)
    public List<JobJson> items;

    @Schema(description = "Cursor of the next page; absent on the last page")
    public String next;

    @Schema(description = "The next page's address, filters and sort included; absent on the last page")
    public String nextUrl;
}
