package org.queuejob.web;

import jakarta.faces.application.FacesMessage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;
import org.queuejob.application.ChangedMeanwhileException;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.autovacuum.AutovacuumRefusedException;
import org.queuejob.domain.model.autovacuum.AutovacuumRunningException;
import org.queuejob.domain.model.job.IllegalJobStateException;
import org.queuejob.domain.model.server.ServerNotRunningException;
import org.queuejob.domain.model.server.UnknownServerException;

/**
 * What a page says when an action fails. A refusal of the library (a setting refused, a state change its state table
 * does not allow, an autovacuum already running or a run that cannot be stopped or resumed, a server gone, a Bean Validation violation) carries a sentence written for people
 * and is shown as it is; anything else (a database or container error) is logged with its stack trace and answered
 * with {@link #UNEXPECTED}: no exception text of the container, no SQL, ever reaches a page.
 */
final class Refusals {

    static final String UNEXPECTED = "The action failed because of an unexpected error; nothing was changed. The"
            + " details have been logged on the server.";

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    private Refusals() {}

    /** The sentence for {@code failure}: the refusal's own, or {@link #UNEXPECTED} (and the failure is logged). */
    static String sentence(Throwable failure) {
        if (Conflicts.optimisticLockIn(failure)) {
            return ChangedMeanwhileException.SENTENCE;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException
                    || cause instanceof IllegalJobStateException
                    || cause instanceof AutovacuumRunningException
                    || cause instanceof AutovacuumRefusedException
                    || cause instanceof UnknownServerException
                    || cause instanceof ServerNotRunningException) {
                return cause.getMessage();
            }
            if (cause instanceof ConstraintViolationException violations
                    && !violations.getConstraintViolations().isEmpty()) {
                return violations.getConstraintViolations().stream()
                        .map(ConstraintViolation::getMessage)
                        .sorted()
                        .collect(Collectors.joining(" "));
            }
        }
        LOG.log(Level.WARNING, "A back-office action failed unexpectedly", failure);
        return UNEXPECTED;
    }

    /**
     * Runs a page's action: says {@code done} (a global information message) when it succeeds, and the refusal's
     * sentence ({@link #show}) when it fails.
     */
    static void act(Runnable action, String done) {
        try {
            action.run();
            info(null, done);
        } catch (RuntimeException e) {
            show(e);
        }
    }

    /** Shows the sentence as a global error (the page's message area) and marks the request failed. */
    static void show(Throwable failure) {
        error(null, sentence(failure));
    }

    /**
     * Shows the sentence on {@code clientId} (a dialog's own message area lists it, where the page's, behind the
     * dialog's overlay, does not) and marks the request failed.
     */
    static void showOn(String clientId, Throwable failure) {
        error(clientId, sentence(failure));
    }

    /** An error message taken literally (no message formatting: the sentences quote names with apostrophes). */
    static void error(String clientId, String sentence) {
        Faces.getContext().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, null));
        Faces.validationFailed();
    }

    /** An information message taken literally. */
    static void info(String clientId, String sentence) {
        Faces.getContext().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, sentence, null));
    }
}
