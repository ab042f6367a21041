package org.queuejob.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.web.security.Roles;

/**
 * Who may use the API, decided by the server for every request under {@code /api/}: a user of the server's realm with
 * a back-office role, authenticated by HTTP Basic ({@code HttpServletRequest.login}, the same realm as the back
 * office's login form).
 *
 * <p>CSRF: a change (any method but GET, HEAD, OPTIONS) is only accepted with Basic credentials in the request itself,
 * never on the strength of the back office's session cookie, and only with a JSON body ({@code Content-Type:
 * application/json}), which a page of another site cannot send without a CORS preflight this API never grants. Reads
 * may use the back-office session (a browser may look at the API), since another site cannot read the answers.
 *
 * <p>Anonymous: 401 with {@code WWW-Authenticate: Basic}; a user without a back-office role: 403; the role each
 * operation needs is checked by {@link RoleCheck}.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ApiAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiAuthenticationFilter.class.getName());
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean safe = SAFE.contains(request.getMethod());
        String authorization = request.getHeader("Authorization");
        boolean loggedInHere = false;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                unauthorized(request, response, "Only HTTP Basic authentication is accepted.");
                return;
            }
            String[] credentials = credentials(authorization.substring(6).trim());
            if (credentials == null) {
                unauthorized(request, response, "The Authorization header is not valid Basic credentials.");
                return;
            }
            if (request.getUserPrincipal() != null) {
                if (!safe) {
                    problem(
                            request,
                            response,
                            403,
                            "Send changes without the back office's session cookie: the"
                                    + " API takes its Basic credentials only.");
                    return;
                }
            } else {
                try {
                    request.login(credentials[0], credentials[1]);
                    loggedInHere = true;
                } catch (ServletException e) {
                    LOG.log(Level.FINE, "API login refused for " + credentials[0], e);
                    unauthorized(request, response, "Wrong user name or password.");
                    return;
                }
            }
        } else if (request.getUserPrincipal() == null) {
            unauthorized(request, response, "This API needs the credentials of a back-office user (HTTP Basic).");
            return;
        } else if (!safe) {
            problem(
                    request,
                    response,
                    403,
                    "Changes through the API need HTTP Basic credentials in the request; the"
                            + " back office's session cookie is not accepted for them (CSRF protection).");
            return;
        }
        try {
            if (!request.isUserInRole(Roles.VIEWER) && !request.isUserInRole(Roles.MANAGER)) {
                problem(
                        request,
                        response,
                        403,
                        "User '" + request.getUserPrincipal().getName()
                                + "' has no back-office role (queue-job-viewer or queue-job-manager).");
                return;
            }
            if (!safe && !isJson(request.getContentType())) {
                problem(
                        request,
                        response,
                        415,
                        "Changes need a JSON body (Content-Type: application/json); send {}"
                                + " when there is nothing to say.");
                return;
            }
            chain.doFilter(request, response);
        } finally {
            if (loggedInHere) {
                try {
                    request.logout();
                } catch (ServletException e) {
                    LOG.log(Level.FINE, "API logout failed", e);
                }
            }
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase();
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String[] credentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"queue-job\", charset=\"UTF-8\"");
        problem(request, response, 401, detail);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(Problems.body(status, detail, request.getRequestURI()).toString());
    }
}
