package org.queuejob.web.format;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;

/** Short and readable forms of what a job stores. Null in, null out. */
public final class JobTexts {

    private static final JsonWriterFactory PRETTY_WRITERS =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JobTexts() {}

    /** {@code org.shop.SampleJobs.sendNewsletter} becomes {@code SampleJobs.sendNewsletter}. */
    public static String simpleFunctionName(String jobFunction) {
        if (jobFunction == null) {
            return null;
        }
        int methodDot = jobFunction.lastIndexOf('.');
        if (methodDot <= 0) {
            return jobFunction;
        }
        return jobFunction.substring(jobFunction.lastIndexOf('.', methodDot - 1) + 1);
    }

    /** {@code java.lang.IllegalStateException} becomes {@code IllegalStateException}. */
    public static String simpleClassName(String className) {
        return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
    }

    /** JSON indented for reading; text that is not JSON comes back unchanged. */
    public static String prettyJson(String json) {
        if (json == null || json.isBlank()) {
            return json;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            StringWriter pretty = new StringWriter();
            try (JsonWriter writer = PRETTY_WRITERS.createWriter(pretty)) {
                writer.write(value);
            }
            return pretty.toString().strip();
        } catch (JsonException e) {
            return json;
        }
    }

    /** Milliseconds as seconds to the millisecond: {@code 1234} becomes {@code 1.234}. */
    public static String seconds(Long millis) {
        return millis == null ? null : BigDecimal.valueOf(millis, 3).toPlainString();
    }
}
