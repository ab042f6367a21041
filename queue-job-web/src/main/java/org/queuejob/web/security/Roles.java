package org.queuejob.web.security;

import org.omnifaces.util.Faces;

/** The back office's roles (web.xml; the EAR maps them to groups on Payara), as the container decides them for the current request. */
public final class Roles {

    /** May look and act. */
    public static final String MANAGER = "queue-job-manager";

    /** May look only. */
    public static final String VIEWER = "queue-job-viewer";

    private Roles() {}

    public static boolean isManager() {
        return Faces.isUserInRole(MANAGER);
    }
}
