package org.queuejob.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Faces;
import org.primefaces.event.ColumnToggleEvent;
import org.primefaces.event.ToggleEvent;
import org.primefaces.model.Visibility;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.web.format.JobCsv;

/**
 * The job list's table tools ({@code jobs.xhtml}, the toolbar's right side): the column chooser, and the CSV export
 * of every job {@link JobsBacking}'s filters match. Neither changes which jobs the list shows.
 */
@Named
@ViewScoped
public class JobTableToolsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Most rows one CSV export writes. */
    static final int EXPORT_LIMIT = 100_000;

    /** Columns hidden until chosen, as the original's optional columns; keys are the columns' ids. */
    static final Set<String> HIDDEN_BY_DEFAULT = Set.of("colEta", "colUuid", "colUser", "colPriority");

    @Inject
    JobsBacking list;

    @Inject
    JobQueryService jobQueries;

    private final Map<String, Boolean> columnVisible = new HashMap<>();

    // Columns -------------------------------------------------------------------------------------------------------

    public boolean visible(String column) {
        return columnVisible.getOrDefault(column, !HIDDEN_BY_DEFAULT.contains(column));
    }

    /** The column chooser: remembered for the view, so the refresh keeps the chosen columns. */
    public void columnToggled(ToggleEvent event) {
        String id = event instanceof ColumnToggleEvent columnEvent && columnEvent.getColumn() != null
                ? columnEvent.getColumn().getColumnKey()
                : null;
        if (id != null) {
            id = id.substring(id.lastIndexOf(':') + 1);
            columnVisible.put(id, event.getVisibility() == Visibility.VISIBLE);
        }
    }

    // CSV -----------------------------------------------------------------------------------------------------------

    /** Every job matching the filters (up to {@value #EXPORT_LIMIT}), in the table's order, as CSV. */
    public void exportCsv() throws IOException {
        JobFilter filter = list.filter();
        JobSort sort = list.lastSort();
        boolean ascending = list.lastAscending();
        Faces.sendFile(
                "jobs.csv",
                true,
                output -> JobCsv.write(
                        output,
                        (first, size) -> first >= EXPORT_LIMIT
                                ? List.of()
                                : jobQueries.page(
                                        filter, first, Math.min(size, EXPORT_LIMIT - first), sort, ascending)));
    }
}
