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

    /**
     * A dotted name cut after each dot ({@code org.}, {@code shop.}, {@code SampleJobs.}, {@code send}), so that a
     * page can offer a line break there (with {@code <wbr>}) rather than in the middle of a word.
     */
    public static java.util.List<String> dottedParts(String name) {
        if (name == null || name.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            parts.add(name.substring(start, dot + 1));
            start = dot + 1;
        }
        if (start < name.length()) {
            parts.add(name.substring(start));
        }
        return parts;
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

    /**
     * A channel name cut after each dot ({@code root.}, {@code mail.}, {@code eu}): the page lets a long name wrap
     * between its levels ({@code <wbr>}), never inside one.
     */
    public static java.util.List<String> channelLevels(String channel) {
        if (channel == null || channel.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> levels = new java.util.ArrayList<>();
        int start = 0;
        for (int dot = channel.indexOf('.'); dot >= 0; dot = channel.indexOf('.', start)) {
            levels.add(channel.substring(start, dot + 1));
            start = dot + 1;
        }
        if (start < channel.length()) {
            levels.add(channel.substring(start));
        }
        return levels;
    }
}
