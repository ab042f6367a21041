package org.queuejob.it.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.queuejob.application.JobAdminService;

/**
 * The cluster test's hand on one server: a job cancelled or requeued there, as the back office's buttons do it (the
 * service they call, in a transaction of that server). Test deployments only (no login).
 */
@WebServlet("/admin")
public class AdminProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient JobAdminService admin;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID job = UUID.fromString(request.getParameter("uuid"));
        switch (String.valueOf(request.getParameter("do"))) {
            case "cancel" -> admin.cancel(job);
            case "requeue" -> admin.requeue(job);
            default -> throw new IllegalArgumentException("do: cancel or requeue");
        }
        response.getWriter().print("done");
    }
}
