package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings({"unchecked", "rawtypes"})
class JsonRequestReaderTest {

    private final JsonRequestReader reader = new JsonRequestReader();

    @Test
    void aBodyOverTheLimit_isRefusedWith413_afterReadingTheRestWithoutKeepingIt() {
        InputStream huge = new InputStream() {
            private long left = JsonRequestReader.MAX_BYTES + 1_000_000L;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }
        };

        assertThatThrownBy(() -> read(ChannelChangeJson.class, huge))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The body is larger than 16 MiB")
                .extracting(e -> ((ApiException) e).status())
                .isEqualTo(413);
        assertThat(uncheckedRead(huge)).as("the rest was read").isEqualTo(-1);
    }

    @Test
    void anEmptyMalformedOrTooDeepBody_saysSo() {
        assertThatThrownBy(() -> read(ChannelChangeJson.class, stream("  ")))
                .hasMessageStartingWith("The body is empty: send a JSON object");
        assertThatThrownBy(() -> read(ChannelChangeJson.class, stream("{\"capacity\": 2,")))
                .hasMessageStartingWith("The body is not valid JSON: it goes wrong at line 1, column");
        assertThatThrownBy(() ->
                        read(EnqueueJson.class, stream("{\"arguments\":" + "[".repeat(5000) + "]".repeat(5000) + "}")))
                .hasMessageStartingWith("The body could not be read as JSON: it nests arrays or objects too deeply");
    }

    @Test
    void aNullBody_givesNoRequest_forTheOperationToRefuseInItsWords() throws Exception {
        assertThat(read(ChannelChangeJson.class, stream("null"))).isNull();
    }

    @Test
    void aBodyDeclaredInAnotherCharset_isRefusedNamingIt() {
        MediaType latin1 = new MediaType("application", "json", Map.of("charset", "ISO-8859-1"));

        assertThatThrownBy(() -> reader.readFrom(
                        (Class) ChannelChangeJson.class,
                        ChannelChangeJson.class,
                        null,
                        latin1,
                        null,
                        stream("{\"capacity\": 2}")))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith(
                        "The body is declared as charset ISO-8859-1; this API reads JSON in UTF-8 only");
        assertThatCode(() ->
                        JsonRequestReader.requireUtf8(new MediaType("application", "json", Map.of("charset", "utf-8"))))
                .doesNotThrowAnyException();
    }

    @Test
    void bytesThatAreNotUtf8_areRefusedWithTheirOffset_notStoredAsReplacementCharacters() {
        byte[] body = {'{', '"', 'q', '"', ':', '"', (byte) 0xE9, '"', '}'}; // é in ISO-8859-1

        assertThatThrownBy(() -> read(ChannelChangeJson.class, new ByteArrayInputStream(body)))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The body is not valid UTF-8: the bytes at offset 6");
    }

    @Test
    void anObjectGivingAKeyTwice_isRefusedNamingTheKey_atAnyDepth() {
        assertThatThrownBy(() -> read(ChannelChangeJson.class, stream("{\"capacity\": 2, \"capacity\": 3}")))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The body gives the key 'capacity' twice in one object");
        assertThatThrownBy(() -> JsonRequestReader.requireUniqueKeys("{\"a\": [{\"x\": 1}, {\"y\": 1, \"y\": 2}]}"))
                .hasMessageStartingWith("The body gives the key 'y' twice");
        assertThatCode(() -> JsonRequestReader.requireUniqueKeys("{\"a\": {\"x\": 1}, \"b\": {\"x\": 1}}"))
                .as("the same key in two objects")
                .doesNotThrowAnyException();
    }

    @Test
    void aBodyReadInOnePass_isTheValueAJsonReaderGives_andBindsItsFields() throws Exception {
        String text = "{\"a\": [1, 2.50, {\"b\": null, \"c\": [true, false, []]}], \"d\": \"é\\u00e9\", \"e\": {}}";

        try (JsonReader jsonReader = Json.createReader(new StringReader(text))) {
            assertThat(JsonRequestReader.parse(text)).isEqualTo(jsonReader.readValue());
        }
        assertThat(JsonRequestReader.parse(" 12 ")).isEqualTo(Json.createValue(12));
        ChannelChangeJson change = (ChannelChangeJson) read(
                ChannelChangeJson.class, stream("{\"capacity\": 2, \"sequential\": true, \"throttleSeconds\": 0}"));
        assertThat(change.capacity).isEqualTo(2);
        assertThat(change.sequential).isTrue();
        assertThat(change.throttleSeconds).isZero();
        assertThat(change.removalIntervalDays).isNull();
    }

    @Test
    void aBodyThatIsNotJson_saysWhereItGoesWrong_beforeAKeyGivenTwiceEarlierInIt() {
        assertThatThrownBy(() -> read(ChannelChangeJson.class, stream("{\"capacity\": 2, \"capacity\": 3,")))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The body is not valid JSON: it goes wrong at line 1, column");
        assertThatThrownBy(() -> read(
                        EnqueueJson.class,
                        stream("{\"arguments\": 1, \"arguments\": " + "[".repeat(5000) + "]".repeat(5000) + "}")))
                .hasMessageStartingWith("The body could not be read as JSON: it nests arrays or objects too deeply");
    }

    @Test
    void somethingAfterAWholeJsonValue_isRefusedInTheParsersWords_orForAKeyGivenTwiceInThatValue() {
        // A JsonException: ProblemMapper answers 400 "The body is not the JSON this operation takes: …".
        assertThatThrownBy(() -> read(ChannelChangeJson.class, stream("{\"capacity\": 2} {}")))
                .isInstanceOf(JsonParsingException.class)
                .hasMessageContaining("Expected EOF token");
        assertThatThrownBy(() -> read(ChannelChangeJson.class, stream("{\"capacity\": 2, \"capacity\": 3} x")))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The body gives the key 'capacity' twice in one object");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private JsonRequest read(Class<? extends JsonRequest> type, InputStream body) throws Exception {
        return reader.readFrom((Class) type, type, null, null, null, body);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int uncheckedRead(InputStream stream) {
        try {
            return stream.read();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
