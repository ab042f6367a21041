package org.queuejob.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.queuejob.web.security.BackOfficeAuthentication;
import org.queuejob.web.security.BackOfficeAuthentication.Refusal;
import org.queuejob.web.security.Roles;

/**
 * Who may use the API, decided by the server for every request under {@code /api/}: a user of the server's realm with
 * a back-office role, authenticated by HTTP Basic. The credentials are checked before this filter, by {@link
 * BackOfficeAuthentication} (the same realm and the same {@code LoginThrottle} as the back office's login form: after
 * repeated wrong passwords for a user name, 429 with {@code Retry-After}, the password not even checked); this filter
 * answers what it found.
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
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean safe = SAFE.contains(request.getMethod());
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            // BackOfficeAuthentication has already tried these credentials (and only them) for this request.
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                unauthorized(request, response, "Only HTTP Basic authentication is accepted.");
                return;
            }
            if (BackOfficeAuthentication.basicCredentials(authorization).isEmpty()) {
                unauthorized(request, response, "The Authorization header is not valid Basic credentials.");
                return;
            }
            if (request.getAttribute(BackOfficeAuthentication.API_REFUSAL) instanceof Refusal refusal
                    && refusal.throttled()) {
                response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
                problem(
                        request,
                        response,
                        429,
                        "Too many failed logins for this user name: try again in " + refusal.retryAfterSeconds()
                                + " seconds.");
                return;
            }
            if (request.getAttribute(BackOfficeAuthentication.API_REFUSAL) != null
                    || request.getUserPrincipal() == null) {
                unauthorized(request, response, "Wrong user name or password.");
                return;
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
        if (!request.isUserInRole(Roles.VIEWER) && !request.isUserInRole(Roles.MANAGER)) {
            problem(
                    request,
                    response,
                    403,
                    "User '" + request.getUserPrincipal().getName()
                            + "' has no back-office role (queue-job-viewer or queue-job-manager).");
            return;
        }
        // A DELETE says all in its address: it needs no body, and clients send none (browsers cannot send one from
        // another site without asking first, and changes take Basic credentials only anyway).
        boolean deleteWithoutBody = "DELETE".equals(request.getMethod()) && request.getContentType() == null;
        if (!safe && !deleteWithoutBody && !isJson(request.getContentType())) {
            problem(
                    request,
                    response,
                    415,
                    "Changes need a JSON body (Content-Type: application/json); send {}"
                            + " when there is nothing to say.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase();
        return type.equals("application/json") || type.endsWith("+json");
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
