package org.queuejob.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.ToggleSelectEvent;
import org.primefaces.event.UnselectEvent;

/**
 * The rows ticked in the job list's table ({@code jobs.xhtml}), which {@link JobsBulkBacking} acts on. They are kept
 * for the view, so the refresh every 5 seconds, another page of the table and a deserialised view keep them.
 */
@Named
@ViewScoped
public class JobSelectionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JobsBacking list;

    /** The rows ticked in the table: views, so a deserialised view keeps them. */
    private final JobSelection selection = new JobSelection();

    /** The rows ticked in the table. */
    List<JobRow> selected() {
        return selection.rows();
    }

    /** A bulk action ended ({@link JobsBulkBacking}): the changed jobs may have left the filter; start afresh. */
    void clearSelection() {
        selection.clear();
    }

    /** A row was ticked: kept even when the selection sent with it was stale ({@link JobSelection}). */
    public void rowTicked(SelectEvent<JobRow> event) {
        redrawTableIf(selection.tick(event.getObject()));
    }

    /** A row was unticked: left out even when the selection sent with it was stale. */
    public void rowUnticked(UnselectEvent<JobRow> event) {
        redrawTableIf(selection.untick(event.getObject()));
    }

    /** The header box: it ticks or unticks the rows of the page shown ("All matching the filters" reaches further). */
    public void pageToggled(ToggleSelectEvent event) {
        List<JobRow> page = list.pageShown();
        redrawTableIf(event.isSelected() ? selection.tickPage(page) : selection.untickPage(page));
    }

    /** The table showed a selection the server had moved past: show the server's, which the next tick sends back. */
    private static void redrawTableIf(boolean stale) {
        if (stale) {
            PrimeFaces.current().ajax().update(JobsBacking.TABLE);
        }
    }

    public List<JobRow> getSelectedJobs() {
        return selected();
    }

    public void setSelectedJobs(List<JobRow> selectedJobs) {
        selection.replaceWith(selectedJobs);
    }
}
