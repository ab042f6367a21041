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
 * The cluster test's hand on one server: a job cancelled there, as the back office's button does it (the service it
 * calls, in a transaction of that server). Test deployments only (no login).
 */
@WebServlet("/admin")
public class AdminProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient JobAdminService admin;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"cancel".equals(request.getParameter("do"))) {
            throw new IllegalArgumentException("do: cancel");
        }
        admin.cancel(UUID.fromString(request.getParameter("uuid")));
        response.getWriter().print("cancelled");
    }
}
