package org.queuejob.web.api;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.application.ChangedMeanwhileException;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.job.IllegalJobStateException;
import org.queuejob.domain.model.server.ServerNotRunningException;
import org.queuejob.domain.model.server.UnknownServerException;
import org.queuejob.web.Conflicts;

/**
 * Every failure of a request as an RFC 9457 problem with a sentence in {@code detail}: bad input is a 4xx naming what
 * is wrong; anything unexpected is a 500 that says only that it happened and under which incident id the server logged
 * it. Never a stack trace, SQL text or class name of the server's.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        return respond(failure, uri);
    }

    /** The problem answering {@code failure} of the request at {@code uri} (null when unknown). */
    static Response respond(Throwable failure, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getPath();
        if (UnreachableDatabase.isIn(failure)) {
            // Nothing to log as an incident: the database or the pool's connection to it was away, which the
            // server's own log and health checks already say; the client is told to try again.
            return Response.fromResponse(Problems.response(503, UnreachableDatabase.DETAIL, instance))
                    .header("Retry-After", UnreachableDatabase.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (Conflicts.optimisticLockIn(failure)) {
            return Problems.response(409, ChangedMeanwhileException.SENTENCE, instance);
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return Problems.response(api.status(), api.getMessage(), instance);
        }
        if (cause instanceof WebApplicationException web) {
            return Problems.response(web.getResponse().getStatus(), webDetail(web), instance);
        }
        if (cause instanceof JsonbException || cause instanceof JsonException || cause instanceof ProcessingException) {
            return Problems.response(
                    400, "The body is not the JSON this operation takes: " + firstLine(cause), instance);
        }
        if (cause instanceof UnknownServerException) {
            return Problems.response(404, cause.getMessage(), instance);
        }
        if (cause instanceof IllegalJobStateException || cause instanceof ServerNotRunningException) {
            return Problems.response(409, cause.getMessage(), instance);
        }
        if (cause instanceof ChangedMeanwhileException) {
            return Problems.response(409, cause.getMessage(), instance);
        }
        if (cause instanceof InvalidSettingException || cause instanceof IllegalArgumentException) {
            return Problems.response(400, cause.getMessage(), instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "API request " + instance + " failed; incident " + incident, failure);
        return Problems.response(
                500,
                "The server could not complete this request; it logged the failure as incident " + incident + ".",
                instance);
    }

    private static Throwable unwrap(Throwable failure) {
        // A refusal of ours raised while the server read the body (JsonRequestReader) may come wrapped in the server's
        // own exception: it still says what is wrong.
        for (Throwable link = failure; link != null && link.getCause() != link; link = link.getCause()) {
            if (link instanceof ApiException api) {
                return api;
            }
        }
        Throwable cause = failure;
        while ((cause instanceof EJBException
                        || cause instanceof TransactionalException
                        || cause instanceof RollbackException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProcessingException && cause.getCause() instanceof JsonbException json) {
            return json;
        }
        return cause;
    }

    private static String webDetail(WebApplicationException web) {
        if (web instanceof NotFoundException) {
            return "There is nothing at this address in the API (see /openapi for its operations).";
        }
        if (web instanceof NotAllowedException notAllowed) {
            return "This address does not take this method; it takes "
                    + notAllowed.getResponse().getAllowedMethods() + ".";
        }
        if (web instanceof NotSupportedException) {
            return "Send the body as JSON (Content-Type: application/json).";
        }
        int status = web.getResponse().getStatus();
        if (status == 400) {
            // Jersey's own 400s (a body it could not read) carry their reason in the cause.
            Throwable cause = web.getCause();
            return cause == null
                    ? "The request is not one this operation takes."
                    : "The body is not the JSON this operation takes: " + firstLine(cause);
        }
        return Problems.title(status);
    }

    private static String firstLine(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? failure.getMessage() : deepest.getMessage();
        if (message == null) {
            return "it could not be read.";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
