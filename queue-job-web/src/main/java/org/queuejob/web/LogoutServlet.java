package org.queuejob.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Logout: ends the login and the session, then sends the browser to the job list, which is answered with the login
 * page. A servlet rather than a Faces action so that every page can offer it, the error pages
 * under {@code /WEB-INF/} included; POST only, so that a link or an image elsewhere cannot log anybody out.
 */
@WebServlet(name = "logout", urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String AFTER_LOGOUT = "/jobs.xhtml";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + AFTER_LOGOUT);
    }
}
