package org.queuejob.dev;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administration commands of a running Payara domain, sent to the endpoint {@code asadmin} itself calls on the
 * admin listener ({@code /__asadmin/<command>}): the same commands with the same options, answered by the same server
 * code, without starting a JVM for the client. An {@code asadmin} call cost 0.6 s on an idle machine and up to 6.8 s
 * while two domains started beside it, 106 s for the 86 calls of a Payara test run; over HTTP, tens of milliseconds.
 *
 * <p>Arguments are written as on asadmin's command line: options as {@code --name=value} (or {@code --name value}),
 * then the operand. A domain's own life (create, start, stop) has no server to answer it and stays with {@code
 * asadmin} ({@link PayaraDomain}).
 */
final class AdminCommands {

    /** What the endpoint answers in plain text: the reporter's name, the exit code, then the message. */
    private static final Pattern REPORT =
            Pattern.compile("PlainTextActionReporter(SUCCESS|WARNING|FAILURE)(.*)", Pattern.DOTALL);

    private static final Duration LONGEST = Duration.ofMinutes(5);

    private final URI endpoint;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AdminCommands(int adminPort) {
        this.endpoint = URI.create("http://localhost:" + adminPort + "/__asadmin/");
    }

    /** Runs {@code arguments} (the command's name first) and returns its exit code (0 unless it failed) and message. */
    AppServer.Result run(List<String> arguments) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(arguments.get(0) + query(arguments)))
                // The admin listener refuses a request without it (a guard against cross-site requests).
                .header("X-Requested-By", "queue-job-dev")
                .header("Accept", "text/plain")
                .timeout(LONGEST)
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher report = REPORT.matcher(response.body());
            if (!report.matches()) {
                return new AppServer.Result(
                        1, "HTTP " + response.statusCode() + " from " + request.uri() + ": " + response.body());
            }
            return new AppServer.Result(
                    report.group(1).equals("FAILURE") ? 1 : 0, report.group(2).strip());
        } catch (IOException e) {
            return new AppServer.Result(1, "No answer from " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The options as parameters of their names, the operand as {@code DEFAULT}, as asadmin sends them. */
    static String query(List<String> arguments) {
        List<String> parameters = new ArrayList<>();
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith("--")) {
                int equals = argument.indexOf('=');
                if (equals > 0) {
                    parameters.add(parameter(argument.substring(2, equals), argument.substring(equals + 1)));
                } else {
                    parameters.add(parameter(argument.substring(2), arguments.get(++i)));
                }
            } else {
                parameters.add(parameter("DEFAULT", argument));
            }
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
