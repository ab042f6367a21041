package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.omnifaces.util.Faces;
import org.queuejob.application.VisitService;

/** "N failed since your last visit" in the header: counted once, when the user's session starts. */
@Named("visit")
@SessionScoped
public class VisitBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(VisitBacking.class.getName());

    @EJB
    transient VisitService visits;

    private Long failedSinceLastVisit;

    public long getFailedSinceLastVisit() {
        if (failedSinceLastVisit == null) {
            String user = Faces.getRemoteUser();
            if (user == null) {
                return 0;
            }
            try {
                failedSinceLastVisit = visits.failedSinceLastVisit(user);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not count the jobs failed since the last visit of " + user, e);
                failedSinceLastVisit = 0L;
            }
        }
        return failedSinceLastVisit;
    }
}
