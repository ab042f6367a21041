package org.queuejob.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.queuejob.web.security.LoginThrottle;

/**
 * The login form's target: checks the user name and password against the server's realm ({@code request.login},
 * the same check as the container's form login) unless {@link LoginThrottle} says this user name has failed too often
 * lately, then sends the browser back to the page it asked for (only pages of the back office), or to the login page
 * with the reason. A new session id is issued on login. POST only.
 */
@WebServlet(name = "login", urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    LoginThrottle throttle;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String user = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        String from = target(request.getContextPath(), request.getParameter("from"));
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            backToLogin(request, response, "error=true", from);
            return;
        }
        Optional<Duration> wait = throttle.waitFor(user);
        if (wait.isPresent()) {
            LOG.warning(() -> "Login refused without checking for user " + user.strip() + " from "
                    + request.getRemoteAddr() + ": too many failed attempts");
            backToLogin(
                    request,
                    response,
                    "error=throttled&seconds=" + Math.max(1, wait.get().toSeconds()),
                    from);
            return;
        }
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
            request.login(user.strip(), password);
        } catch (ServletException e) {
            throttle.failed(user);
            LOG.info(() -> "Failed login for user " + user.strip() + " from " + request.getRemoteAddr());
            backToLogin(request, response, "error=true", from);
            return;
        }
        throttle.succeeded(user);
        request.getSession(true);
        request.changeSessionId(); // the session of an anonymous visitor is not the one of a signed-in user
        response.sendRedirect(from);
    }

    /** The page to go to after login: one of the back office's own addresses, else its start page. */
    static String target(String contextPath, String from) {
        String home = contextPath + "/";
        if (from == null || from.isBlank()) {
            return home;
        }
        boolean ownPage = from.startsWith(home)
                && !from.contains("//")
                && !from.contains("\\")
                && !from.contains("/login")
                && from.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
        return ownPage ? from : home;
    }

    private static void backToLogin(
            HttpServletRequest request, HttpServletResponse response, String reason, String from) throws IOException {
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?" + reason + "&from="
                + URLEncoder.encode(from, StandardCharsets.UTF_8));
    }
}
