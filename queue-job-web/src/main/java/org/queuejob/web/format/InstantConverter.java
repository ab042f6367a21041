package org.queuejob.web.format;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Every {@link Instant} on a page reads {@code 2025-01-31 23:59:59}, in UTC: registered for the type, so a plain
 * {@code <h:outputText value="#{job.dateCreated()}"/>} uses it. UTC because jobs are stored and run in UTC, and one
 * zone for everybody keeps what two people compare on screen the same.
 */
@FacesConverter(forClass = Instant.class)
public class InstantConverter implements Converter<Instant> {

    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static final String NOT_AN_INSTANT = "\"%s\" is not a UTC date and time like 2025-01-31 23:59:59.";

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            String message = String.format(NOT_AN_INSTANT, value);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message), e);
        }
    }
}
