package org.queuejob.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * How anybody gets into the back office and its API: the one place where a password is checked, so that
 * {@link LoginThrottle} guards every way of trying one. A Jakarta Security authentication mechanism in place of the
 * container's FORM login, whose {@code j_security_check} would check passwords against the realm without asking the
 * throttle; with this mechanism the container has no {@code j_security_check} (a request for it is just a protected
 * address: the login page).
 *
 * <ul>
 *   <li>A page asked for without a session: the login page, in place of the page (a forward, so the page's address
 *       stays in the browser and the login form can return to it).
 *   <li>The login form's POST to {@code /login}: unless the throttle refuses the user name, the password is checked
 *       against the server's realm (a Jakarta Authentication {@link PasswordValidationCallback}, which Payara and
 *       WildFly answer from the application's default realm / security domain), the caller and the realm's groups are
 *       handed to the container and the login is kept in the session; {@code LoginServlet} then sends the browser on.
 *       A refusal goes back to the login page with the reason.
 *   <li>The REST API ({@code /api/}) with an {@code Authorization: Basic} header: that user, for that request only
 *       (no session); a refusal is left to {@code ApiAuthenticationFilter} to answer, with the reason in {@link
 *       #API_REFUSAL}.
 *   <li>Any other request of a signed-in session: the same caller again.
 * </ul>
 *
 * <p>Either way, a user name longer than {@link LoginThrottle#MAX_NAME_LENGTH} characters is refused as a wrong
 * password, neither the realm nor the throttle asked.
 */
@ApplicationScoped
public class BackOfficeAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BackOfficeAuthentication.class.getName());

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String LOGIN_ACTION = "/login";
    public static final String USER_PARAMETER = "j_username";
    public static final String PASSWORD_PARAMETER = "j_password";

    /** Request attribute set when an API request's Basic credentials were not accepted: a {@link Refusal}. */
    public static final String API_REFUSAL = BackOfficeAuthentication.class.getName() + ".apiRefusal";

    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String path = path(request);
        if (path.equals(LOGIN_ACTION) && "POST".equals(request.getMethod())) {
            return formLogin(request, context);
        }
        String authorization = request.getHeader("Authorization");
        if (path.startsWith("/api/") && authorization != null) {
            return apiLogin(request, context, authorization);
        }
        Principal signedIn = request.getUserPrincipal();
        if (signedIn != null) {
            return again(context, signedIn);
        }
        if (context.isProtected()) {
            return context.forward(LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context)
            throws AuthenticationException {
        String user = request.getParameter(USER_PARAMETER);
        String password = request.getParameter(PASSWORD_PARAMETER);
        String from = returnAddress(request.getContextPath(), request.getParameter("from"));
        if (crossSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getHeader("Host"))) {
            // Another site's form posting here (login CSRF): it must neither sign this browser in under the attacker's
            // name, nor end its login with a wrong password, nor count against the user name's throttle.
            LOG.info(() ->
                    "Login form posted from another site (" + loggable(request.getHeader("Origin")) + ") refused");
            return backToLogin(request, context, "error=cross-site", from);
        }
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            return backToLogin(request, context, "error=true", from);
        }
        Refusal refusal = check(request, context, user.strip(), password, "login form");
        if (refusal == null) {
            context.setRegisterSession(user.strip(), Set.of());
            return context.notifyContainerAboutLogin(user.strip(), Set.of());
        }
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null) {
            session.invalidate(); // a failed login ends the login this browser had
        }
        return backToLogin(
                request,
                context,
                refusal.throttled() ? "error=throttled&seconds=" + refusal.retryAfterSeconds() : "error=true",
                from);
    }

    private AuthenticationStatus apiLogin(HttpServletRequest request, HttpMessageContext context, String authorization)
            throws AuthenticationException {
        Optional<String[]> credentials = basicCredentials(authorization);
        if (credentials.isEmpty()) {
            return context.doNothing(); // not Basic, or not valid Basic: the API's filter says which
        }
        String user = credentials.get()[0];
        Refusal refusal = check(request, context, user, credentials.get()[1], "API");
        if (refusal == null) {
            return context.notifyContainerAboutLogin(user, Set.of()); // for this request only
        }
        request.setAttribute(API_REFUSAL, refusal);
        return context.doNothing();
    }

    /** The session's caller again, with the groups it was registered with (as Jakarta Security's auto-apply). */
    private static AuthenticationStatus again(HttpMessageContext context, Principal signedIn)
            throws AuthenticationException {
        try {
            context.getHandler()
                    .handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), signedIn)});
            return AuthenticationStatus.SUCCESS;
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("The server could not restore the signed-in user", e);
        }
    }

    /** Null when the password is right and the throttle let it be checked; else why not. */
    private Refusal check(
            HttpServletRequest request, HttpMessageContext context, String user, String password, String way)
            throws AuthenticationException {
        return check(user, way, request.getRemoteAddr(), () -> passwordMatches(context, user, password));
    }

    /**
     * Null when the password is right and the throttle let it be checked; else why not. The check is reserved with
     * the throttle before the password is looked at and its outcome reported after, in one {@link
     * LoginThrottle.Attempt}: parallel guesses for one name then get at most the free checks, not one each.
     */
    Refusal check(String user, String way, String from, PasswordCheck password) throws AuthenticationException {
        if (!LoginThrottle.isAcceptedName(user)) {
            // No account has such a name, so no password is right for it: refused as a wrong password, without asking
            // the realm or the throttle (which keeps only short names, so that made-up ones cannot fill its memory).
            LOG.info(() -> "Failed login (" + way + ") for a user name of " + user.length() + " characters from " + from
                    + ": longer than " + LoginThrottle.MAX_NAME_LENGTH);
            return new Refusal(false, 0);
        }
        try (LoginThrottle.Attempt attempt = throttle.attempt(user)) {
            Optional<Duration> wait = attempt.refusedFor();
            if (wait.isPresent()) {
                LOG.warning(() -> "Login (" + way + ") refused without checking for user " + loggable(user) + " from "
                        + from + ": too many failed attempts");
                return new Refusal(true, Math.max(1, wait.get().toSeconds()));
            }
            if (password.matches()) {
                attempt.succeeded();
                return null;
            }
            attempt.failed();
        } // an exception from the check takes the reservation back: nothing was checked, nothing is counted
        LOG.info(() -> "Failed login (" + way + ") for user " + loggable(user) + " from " + from);
        return new Refusal(false, 0);
    }

    /**
     * A name someone typed (or an address a browser sent), as the log shows it: quoted, with each control character
     * (a line break above all) written as its escape. Copied as it was, a name with a line break in it wrote a log
     * line of its own: "Login succeeded for user admin", say, after a failed login, for whoever reads or greps the
     * log.
     */
    static String loggable(String typed) {
        if (typed == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder(typed.length() + 2).append('"');
        typed.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                shown.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append('"').toString();
    }

    /** A password check, made at most once per {@link #check(String, String, String, PasswordCheck)}: the realm's, or in tests a stand-in. */
    @FunctionalInterface
    interface PasswordCheck {
        boolean matches() throws AuthenticationException;
    }

    /** Asks the container to check the password against the application's realm. */
    private static boolean passwordMatches(HttpMessageContext context, String user, String password)
            throws AuthenticationException {
        char[] characters = password.toCharArray();
        PasswordValidationCallback validation =
                new PasswordValidationCallback(context.getClientSubject(), user, characters);
        try {
            context.getHandler().handle(new Callback[] {validation});
            return validation.getResult();
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("The server could not check the password", e);
        } finally {
            validation.clearPassword();
            Arrays.fill(characters, '\0');
        }
    }

    /**
     * Whether a login post came from another site's page, by the headers browsers send with it: {@code Sec-Fetch-Site}
     * (every current browser) when present, anything but this origin or a request the user made themselves ("none");
     * else {@code Origin}, when present, naming another host than the request's {@code Host} ("null" included).
     * Neither header (a script, an older browser): not known to be cross-site, let through as before.
     */
    static boolean crossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            String authority = uri.getRawAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static AuthenticationStatus backToLogin(
            HttpServletRequest request, HttpMessageContext context, String reason, String from) {
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?" + reason + "&from="
                + URLEncoder.encode(from, StandardCharsets.UTF_8));
    }

    /** The address inside the application, as the container mapped it (decoded, without path parameters). */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /** The page to go to after login: one of the back office's own addresses, else its start page. */
    public static String returnAddress(String contextPath, String from) {
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

    /** User name and password of an {@code Authorization: Basic} header; empty when it is not valid Basic. */
    public static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why credentials were not accepted: a wrong password, or too many of them lately (retry after so long). */
    public record Refusal(boolean throttled, long retryAfterSeconds) {}
}
