package org.queuejob.application;

import java.util.Objects;

/**
 * One field of a save, as the editor asked for it, resolved against the value the record has in the saving
 * transaction. A form sends what it showed and what it holds now ({@link #from}): a field left as shown keeps the
 * record's current value (another person's change to it survives), and a field changed in the form is refused with
 * {@link ChangedMeanwhileException} when the record's value is no longer the one shown (two people changed it). The
 * API sends only the fields its body gives ({@link #to}); the others are {@link #keep()}.
 *
 * @param <T> the field's type; null is a value (an eta of null: as soon as possible)
 */
public final class FieldEdit<T> {

    private enum Kind {
        KEEP,
        TO,
        FROM
    }

    private static final FieldEdit<?> KEEP = new FieldEdit<>(Kind.KEEP, null, null);

    private final Kind kind;
    private final T shown;
    private final T wanted;

    private FieldEdit(Kind kind, T shown, T wanted) {
        this.kind = kind;
        this.shown = shown;
        this.wanted = wanted;
    }

    /** Not part of the save: the record's value stays. */
    @SuppressWarnings("unchecked")
    public static <T> FieldEdit<T> keep() {
        return (FieldEdit<T>) KEEP;
    }

    /** The value asked for, whatever the record holds (an API body's field). */
    public static <T> FieldEdit<T> to(T wanted) {
        return new FieldEdit<>(Kind.TO, null, wanted);
    }

    /**
     * An API body's field: {@link #to} the value when the body gives one, {@link #keep()} when it leaves the field out
     * (or gives null, which the API's reader does not tell apart from absence).
     */
    public static <T> FieldEdit<T> given(T value) {
        return value == null ? keep() : to(value);
    }

    /** A form's field: {@code shown} when the form was loaded, {@code typed} when it was saved. */
    public static <T> FieldEdit<T> from(T shown, T typed) {
        return Objects.equals(shown, typed) ? keep() : new FieldEdit<>(Kind.FROM, shown, typed);
    }

    /** Whether this edit writes the field (it is neither kept nor left as shown). */
    public boolean changes() {
        return kind != Kind.KEEP;
    }

    /**
     * The value to store, given the record's {@code current} one.
     *
     * @throws ChangedMeanwhileException naming {@code field} when the form changed a value someone else changed
     *     since the form was loaded
     */
    public T resolve(T current, String field) {
        return switch (kind) {
            case KEEP -> current;
            case TO -> wanted;
            case FROM -> {
                if (!Objects.equals(current, shown)) {
                    throw new ChangedMeanwhileException(field);
                }
                yield wanted;
            }
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case KEEP -> "keep";
            case TO -> "to " + wanted;
            case FROM -> "from " + shown + " to " + wanted;
        };
    }
}
