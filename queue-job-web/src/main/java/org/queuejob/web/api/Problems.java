package org.queuejob.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: the one shape of every error this API answers. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    static JsonObject body(int status, String detail, String instance) {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail == null ? title(status) : detail);
        if (instance != null) {
            problem.add("instance", instance);
        }
        return problem.build();
    }

    static Response response(int status, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body(status, detail, instance).toString())
                .build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error " + status : known.getReasonPhrase();
            }
        };
    }
}
