package org.queuejob.infrastructure.context;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.Optional;

/**
 * The caller's locale (the original's {@code lang}): the Faces view's when the job is enqueued from a Faces request
 * (what the user sees their page in), else the server's default locale.
 */
@ApplicationScoped
public class LocaleValue implements BuiltInContextValue {

    public static final String KEY = "locale";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<String> capture() {
        return Optional.of(viewLocale().orElseGet(Locale::getDefault).toLanguageTag());
    }

    private static Optional<Locale> viewLocale() {
        try {
            FacesContext faces = FacesContext.getCurrentInstance();
            UIViewRoot view = faces == null ? null : faces.getViewRoot();
            return Optional.ofNullable(view == null ? null : view.getLocale());
        } catch (LinkageError e) {
            // A server without Faces: nothing to ask.
            return Optional.empty();
        }
    }
}
