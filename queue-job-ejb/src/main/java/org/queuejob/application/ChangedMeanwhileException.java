package org.queuejob.application;

import jakarta.ejb.ApplicationException;

/**
 * A form's save, refused because someone else changed the same record meanwhile: a field the user changed had
 * another value when saved than when the form was loaded ({@link FieldEdit}), or two saves of the same record met at
 * commit (its {@code @Version}). Nothing was saved: the user reloads to see the other change, and decides again.
 */
@ApplicationException(rollback = true)
public class ChangedMeanwhileException extends InvalidSettingException {

    private static final long serialVersionUID = 1L;

    /** The sentence the back office and the API show (the API with a 409). */
    public static final String SENTENCE =
            "Changed by someone else meanwhile; nothing saved, reload to see their change.";

    public ChangedMeanwhileException(String field) {
        super(SENTENCE.replace("meanwhile;", "meanwhile (" + field + ");"), null);
    }
}
