package org.queuejob.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

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
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest(
                    "The body is empty: send a JSON object (the fields this operation takes are in /openapi).");
        }
        JsonValue json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readValue();
        } catch (JsonParsingException e) {
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
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return JsonRequestBinder.bind(type, json);
    }
}
