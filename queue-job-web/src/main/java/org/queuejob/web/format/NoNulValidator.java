package org.queuejob.web.format;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.Collection;
import org.queuejob.domain.model.job.StoredText;

/**
 * Every field of every page refuses the character U+0000 (NUL), which no text the queue stores can hold: a value
 * with one (sent by a crafted request, since no keyboard types it) would otherwise reach PostgreSQL and fail there.
 * Registered as a default validator, so no field can forget it.
 */
@FacesValidator(value = "queueJob.noNul", isDefault = true)
public class NoNulValidator implements Validator<Object> {

    static final String MESSAGE = "This field contains the character U+0000 (NUL), which cannot be stored: remove it.";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String text && StoredText.hasNul(text)
                || value instanceof Collection<?> values
                        && values.stream().anyMatch(item -> item instanceof String text && StoredText.hasNul(text))) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, MESSAGE, MESSAGE));
        }
    }
}
