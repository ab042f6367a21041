package org.queuejob.it.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Real HTTP calls to the deployed demo EAR's REST API ({@code /queue-job/api/v1}), as a client would make them: a
 * user's Basic credentials, or none, or a back-office session cookie.
 */
final class Api {

    static final String JSON = "application/json";

    private final HttpClient client;
    private final String authorization;

    private Api(HttpClient client, String authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    static Api asManager() {
        return as(System.getProperty("queuejob.manager.user"), System.getProperty("queuejob.manager.password"));
    }

    static Api asViewer() {
        return as(System.getProperty("queuejob.viewer.user"), System.getProperty("queuejob.viewer.password"));
    }

    static Api as(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(newClient(null), "Basic " + basic);
    }

    static Api anonymous() {
        return new Api(newClient(null), null);
    }

    /** A client holding the back office's session cookie after a form login, and no Basic credentials. */
    static Api withBackOfficeSession(String user, String password) {
        CookieManager cookies = new CookieManager();
        HttpClient client = newClient(cookies);
        try {
            client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/jobs.xhtml"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Api(client, null);
    }

    private static HttpClient newClient(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    /** The back office's address, e.g. http://localhost:17080/queue-job. */
    static String base() {
        return System.getProperty("queuejob.baseUrl");
    }

    /** The server's root, for the OpenAPI document (/openapi). */
    static String serverRoot() {
        return base().substring(0, base().length() - "/queue-job".length());
    }

    /**
     * Where the server answers /health and /metrics: beside the applications on Payara, on the management interface
     * on WildFly.
     */
    static String managementRoot() {
        return System.getProperty("queuejob.managementUrl", serverRoot());
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, JSON);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, JSON);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, JSON);
    }

    Reply send(String method, String path, String body, String contentType) {
        String url = path.startsWith("http") ? path : base() + "/api/v1" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.header("Accept", "application/json");
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate"),
                    response.headers().firstValue("Location"),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain GET of any address (the server's MicroProfile endpoints), with an Accept header. */
    static Reply fetch(String url, String accept) {
        try {
            HttpResponse<String> response = newClient(null)
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Accept", accept)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    Optional.empty(),
                    Optional.empty(),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer. */
    record Reply(int status, String contentType, Optional<String> challenge, Optional<String> location, String body) {

        JsonObject json() {
            return (JsonObject) structure();
        }

        JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (" + status + " " + contentType + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
