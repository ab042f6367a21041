package org.queuejob.web.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.queuejob.domain.model.job.StoredText;

/**
 * Reads the API's request bodies ({@link JsonRequest}s) with JSON-P and {@link JsonRequestBinder}, in place of the
 * server's JSON-B reader, so that a body that does not fit is refused with a sentence naming the field on Payara and
 * WildFly alike. A body of {@code null} gives no request, which each operation refuses in its own words.
 *
 * <p>Declared for {@link JsonRequest} rather than {@code Object}: readers are chosen by how close their type is to
 * the parameter's, and Jersey's JSON-B reader, for {@code Object}, would otherwise be as close and be chosen.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonRequestReader implements MessageBodyReader<JsonRequest> {

    /** Read no further: a body is held whole in memory while it is read. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonRequest.class.isAssignableFrom(type);
    }

    @Override
    public JsonRequest readFrom(
            Class<JsonRequest> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        byte[] body = entityStream.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            // Read the rest without keeping it, so that the caller, still sending, gets this answer and not a reset.
            entityStream.transferTo(OutputStream.nullOutputStream());
            throw new ApiException(
                    413,
                    "The body is larger than 16 MiB, more than any request of this API needs: a job's arguments are"
                            + " limited by queue-job.max-arguments-bytes (1 MB unless configured). Store large data"
                            + " elsewhere and pass its id.");
        }
        requireUtf8(mediaType);
        String text = utf8(body);
        if (text.isBlank()) {
            throw ApiException.badRequest(
                    "The body is empty: send a JSON object (the fields this operation takes are in /openapi).");
        }
        JsonValue json = parse(text);
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return JsonRequestBinder.bind(type, json);
    }

    /**
     * Refuses a charset other than UTF-8: the body would otherwise be read as UTF-8 whatever it says, and its text
     * stored as something else (RFC 8259 has JSON exchanged as UTF-8).
     */
    static void requireUtf8(MediaType mediaType) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return;
        }
        String name = charset.strip();
        boolean utf8;
        try {
            utf8 = Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            utf8 = false;
        }
        if (!utf8) {
            throw ApiException.badRequest("The body is declared as charset " + StoredText.prefix(name, 64)
                    + "; this API reads JSON in UTF-8 only: send it as UTF-8 (charset=UTF-8, or no charset).");
        }
    }

    /**
     * The body's text, decoded strictly: bytes that are not UTF-8 are refused with their offset instead of being
     * stored as U+FFFD. A leading byte order mark is not part of the JSON text (RFC 8259 lets a parser ignore it).
     */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ApiException.badRequest(String.format(
                    "The body is not valid UTF-8: the bytes at offset %d (counting from 0) are not a UTF-8"
                            + " character. Send the JSON encoded as UTF-8.",
                    in.position()));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The body's JSON value, read in one pass that also refuses an object giving a key twice: a parser keeps one of
     * them without a word ({@code "action"} given twice took the last), so what was sent and what is done could
     * differ. The value is built here from the parser's events, since only they show every key; a key given twice is
     * refused once the whole body is known to be JSON, so that a body that is not says where it goes wrong first.
     *
     * @throws ApiException 400 with a sentence saying what is wrong with the body
     */
    static JsonValue parse(String text) {
        JsonProvider json = JsonProvider.provider(); // one look-up: Json.createObjectBuilder() would make one each
        Deque<Open> open = new ArrayDeque<>();
        JsonValue value = null;
        String twice = null;
        try (JsonParser parser = json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> open.push(new Open(json.createObjectBuilder(), null));
                    case START_ARRAY -> open.push(new Open(null, json.createArrayBuilder()));
                    case KEY_NAME -> {
                        Open object = open.peek();
                        object.key = parser.getString();
                        if (!object.keys.add(object.key) && twice == null) {
                            twice = String.format(
                                    "The body gives the key '%s' twice in one object (line %d): give each key once.",
                                    StoredText.prefix(object.key, 64),
                                    parser.getLocation().getLineNumber());
                        }
                    }
                    case END_OBJECT, END_ARRAY -> value = add(open, open.pop().build());
                    default -> value = add(open, parser.getValue()); // a string, number, true, false or null
                }
            }
        } catch (JsonParsingException e) {
            if (value != null) {
                // Something after a whole JSON value (`{} x`, `1 2`): refused as it was when a reader took the value
                // and a second parse found the rest, with the parser's words (ProblemMapper: 400), and a key given
                // twice in that value named first.
                if (twice != null) {
                    throw ApiException.badRequest(twice);
                }
                throw e;
            }
            JsonLocation at = e.getLocation();
            throw ApiException.badRequest(
                    at == null
                            ? "The body is not valid JSON."
                            : String.format(
                                    "The body is not valid JSON: it goes wrong at line %d, column %d.",
                                    at.getLineNumber(), at.getColumnNumber()));
        } catch (JsonException e) {
            throw ApiException.badRequest("The body is not valid JSON.");
        } catch (RuntimeException e) {
            // Parsson refuses input nested too deeply (1,000 levels) with a plain RuntimeException.
            throw ApiException.badRequest(
                    "The body could not be read as JSON: it nests arrays or objects too deeply, or is not JSON.");
        }
        if (twice != null) {
            throw ApiException.badRequest(twice);
        }
        if (value == null) {
            throw ApiException.badRequest("The body is not valid JSON.");
        }
        return value;
    }

    /** Refuses an object that gives a key twice, at any depth, as {@link #parse} does (and a body that is not JSON). */
    static void requireUniqueKeys(String text) {
        parse(text);
    }

    /** Adds a complete value to the array or object it is in; returns it when it is the whole body, else null. */
    private static JsonValue add(Deque<Open> open, JsonValue complete) {
        if (open.isEmpty()) {
            return complete;
        }
        open.peek().add(complete);
        return null;
    }

    /** An object or array being read: its builder, and for an object its keys so far and the key of the next value. */
    private static final class Open {
        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private final Set<String> keys = new HashSet<>();
        private String key;

        Open(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
