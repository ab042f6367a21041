package org.queuejob.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.queuejob.web.security.BackOfficeAuthentication;

/**
 * The login form's target. The user name and password were already checked, before this servlet, by {@link
 * BackOfficeAuthentication} (which asks {@code LoginThrottle} first and answers a refusal itself with the login page);
 * a request that reaches this servlet is signed in. It gets a new session id (the session of an anonymous visitor is
 * not the one of a signed-in user) and goes back to the page it asked for (only pages of the back office), else to
 * the start page. POST only.
 */
@WebServlet(name = "login", urlPatterns = BackOfficeAuthentication.LOGIN_ACTION)
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + BackOfficeAuthentication.LOGIN_PAGE + "?error=true");
            return;
        }
        request.getSession(true);
        request.changeSessionId();
        response.sendRedirect(
                BackOfficeAuthentication.returnAddress(request.getContextPath(), request.getParameter("from")));
    }
}
