package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRequestBinderTest {

    private static final List<Class<? extends JsonRequest>> REQUESTS = List.of(
            EnqueueJson.class,
            JobChangeJson.class,
            ChannelChangeJson.class,
            JobFunctionChangeJson.class,
            RecurringJobChangeJson.class,
            BulkJson.class,
            BulkJson.Filter.class);

    @Test
    void aBodyThatFits_isReadIntoItsFields_numbersInExponentFormIncluded() {
        EnqueueJson enqueue = bind(
                EnqueueJson.class,
                "{\"function\":\"a.B.c\",\"arguments\":[1,\"x\"],\"priority\":1e3,\"maxRetries\":-0,"
                        + "\"eta\":\"2026-12-05T14:30:00Z\",\"channel\":null}");

        assertThat(enqueue.function).isEqualTo("a.B.c");
        assertThat(enqueue.arguments).hasSize(2);
        assertThat(enqueue.priority).isEqualTo(1000);
        assertThat(enqueue.maxRetries).isZero();
        assertThat(enqueue.eta).isEqualTo(Instant.parse("2026-12-05T14:30:00Z"));
        assertThat(enqueue.channel).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"priority\":99999999999} | priority must be a whole number from -2147483648 to 2147483647, not 99999999999.",
                "{\"priority\":2147483648} | priority must be a whole number from -2147483648 to 2147483647, not 2147483648.",
                "{\"priority\":1.5} | priority must be a whole number, not 1.5.",
                "{\"priority\":\"3\"} | priority must be a whole number, not the text \"3\".",
                "{\"priority\":true} | priority must be a whole number, not true.",
                "{\"channel\":5} | channel must be text (a JSON string), not the number 5.",
                "{\"eta\":\"tomorrow\"} | eta must be an instant such as \"2026-12-05T14:30:00Z\", not the text \"tomorrow\".",
                "{\"arguments\":{\"a\":1}} | arguments must be a JSON array, not an object.",
                "{\"prority\":3} | The body has a field this operation does not take: 'prority'. It takes function, arguments, priority, eta, maxRetries, description, channel, identityKey."
            })
    void aValueThatDoesNotFitItsField_isRefusedNamingIt(String body, String sentence) {
        assertThatThrownBy(() -> bind(EnqueueJson.class, body))
                .isInstanceOf(ApiException.class)
                .hasMessage(sentence)
                .extracting(e -> ((ApiException) e).status())
                .isEqualTo(400);
    }

    @Test
    void aCapacityWithAFraction_isRefused_notCutToAWholeNumber() {
        assertThatThrownBy(() -> bind(ChannelChangeJson.class, "{\"capacity\":3.7}"))
                .hasMessage("capacity must be a whole number, not 3.7.");
        assertThatThrownBy(() -> bind(ChannelChangeJson.class, "{\"sequential\":\"yes\"}"))
                .hasMessage("sequential must be true or false, not the text \"yes\".");
    }

    @Test
    void nestedObjectsAndListsAreCheckedToo_namingWhereInTheBody() {
        assertThatThrownBy(() -> bind(BulkJson.class, "{\"action\":\"cancel\",\"filter\":{\"state\":[\"failed\"]}}"))
                .hasMessage("filter has a field this operation does not take: 'state'. It takes states, channel,"
                        + " function, createdFrom, createdTo, text, worker.");
        assertThatThrownBy(() -> bind(BulkJson.class, "{\"uuids\":[\"" + UUID.randomUUID() + "\",\"nope\"]}"))
                .hasMessageStartingWith("uuids[1] must be a job uuid such as");
        assertThatThrownBy(() -> bind(BulkJson.class, "{\"uuids\":[\"1-1-1-1-1\"]}"))
                .as("a shape UUID.fromString reads, but no uuid is written so")
                .hasMessageStartingWith("uuids[0] must be a job uuid");
        assertThatThrownBy(() -> bind(BulkJson.class, "{\"filter\":{\"createdFrom\":\"yesterday\"}}"))
                .hasMessageStartingWith("filter.createdFrom must be an instant");
        assertThatThrownBy(() -> bind(BulkJson.class, "{\"uuids\":[null]}")).hasMessage("uuids[0] cannot be null.");

        UUID uuid = UUID.randomUUID();
        BulkJson bulk = bind(
                BulkJson.class,
                "{\"action\":\"cancel\",\"uuids\":[\"" + uuid + "\"],"
                        + "\"filter\":{\"states\":[\"failed\",\"failed\",\"pending\"]}}");
        assertThat(bulk.uuids).containsExactly(uuid);
        assertThat(bulk.filter.states).containsExactly("failed", "pending");
    }

    @Test
    void aNulInAnyText_isRefusedNamingTheField() {
        assertThatThrownBy(() -> bind(EnqueueJson.class, "{\"description\":\"a\\u0000b\"}"))
                .hasMessage("description cannot contain the character U+0000 (NUL): PostgreSQL cannot store it in"
                        + " text.");
        assertThatThrownBy(() -> bind(BulkJson.class, "{\"filter\":{\"text\":\"\\u0000\"}}"))
                .hasMessageStartingWith("filter.text cannot contain the character U+0000");
    }

    @Test
    void halfACharacterSentAsAJsonEscape_isRefusedNamingTheField_notStoredAsAQuestionMark() {
        assertThatThrownBy(() -> bind(EnqueueJson.class, "{\"description\":\"report \\ud83d\"}"))
                .hasMessage("description cannot contain half of a character (the UTF-16 surrogate U+D83D without its"
                        + " other half): it would be stored as \"?\".");
        assertThat(bind(EnqueueJson.class, "{\"description\":\"smile \\ud83d\\ude00\"}").description)
                .as("a whole character, escaped as its two halves")
                .isEqualTo("smile \uD83D\uDE00");
    }

    @Test
    void aBodyThatIsNotAnObject_isRefused() {
        assertThatThrownBy(() -> bind(EnqueueJson.class, "[]"))
                .hasMessage("The body must be a JSON object ({...}), not an array.");
        assertThatThrownBy(() -> bind(EnqueueJson.class, "\"x\""))
                .hasMessage("The body must be a JSON object ({...}), not the text \"x\".");
    }

    @Test
    void aLongValueSent_isShortenedInTheSentence() {
        String longText = "x".repeat(500);

        assertThatThrownBy(() -> bind(EnqueueJson.class, "{\"priority\":\"" + longText + "\"}"))
                .message()
                .hasSizeLessThan(150)
                .endsWith("….");
    }

    /** Guards the request classes: a field of a type the binder cannot read fails here, not on a caller's request. */
    @Test
    void everyFieldOfEveryRequest_isReadFromAValueOfItsType() {
        for (Class<? extends JsonRequest> request : REQUESTS) {
            var body = Json.createObjectBuilder();
            for (Field field : JsonRequestBinder.fields(request)) {
                body.add(field.getName(), sample(field.getGenericType()));
            }
            JsonRequest bound = JsonRequestBinder.bind(request, body.build());
            for (Field field : JsonRequestBinder.fields(request)) {
                assertThat(read(field, bound))
                        .as(request.getSimpleName() + "." + field.getName())
                        .isNotNull();
            }
        }
    }

    private static JsonValue sample(Type type) {
        if (type instanceof ParameterizedType list) {
            return Json.createArrayBuilder()
                    .add(sample(list.getActualTypeArguments()[0]))
                    .build();
        }
        if (type == String.class) {
            return Json.createValue("x");
        }
        if (type == Integer.class || type == Long.class) {
            return Json.createValue(7);
        }
        if (type == Boolean.class) {
            return JsonValue.TRUE;
        }
        if (type == Instant.class) {
            return Json.createValue("2026-12-05T14:30:00Z");
        }
        if (type == UUID.class) {
            return Json.createValue(UUID.randomUUID().toString());
        }
        if (type == jakarta.json.JsonArray.class) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (type instanceof Class<?> nested && JsonRequest.class.isAssignableFrom(nested)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        throw new AssertionError("No sample for a request field of type " + type + ": teach JsonRequestBinder"
                + " to read it strictly, then this test");
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static <T extends JsonRequest> T bind(Class<T> type, String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return JsonRequestBinder.bind(type, reader.readValue());
        }
    }
}
