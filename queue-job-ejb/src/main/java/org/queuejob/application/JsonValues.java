package org.queuejob.application;

import jakarta.json.JsonValue;
import org.queuejob.infrastructure.serialization.GivenJson;

/**
 * The words refusals use for JSON a caller sent, for the API's request reading (which may not reach the
 * infrastructure): those of {@link GivenJson}, so that a request and its job's arguments are described alike.
 */
public final class JsonValues {

    private JsonValues() {}

    /** What was sent, for a sentence: "the text \"four\"", "the number 7", "an array"... */
    public static String described(JsonValue value) {
        return GivenJson.described(value);
    }

    /** Text sent by a caller, for a sentence: at most a line's worth. */
    public static String shortened(String text) {
        return GivenJson.shortened(text);
    }
}
