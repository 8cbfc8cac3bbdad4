package org.d8a.it;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * The admin API as an operator's script calls it: HTTP BASIC as one of the tests' users (made per build by
 * {@code src/test/scripts/it-users.sh}), state-changing calls as POST with {@code application/json}.
 */
final class AdminApi {

    static final String ADMIN = "d8a-it-admin";
    static final String VIEWER = "d8a-it-viewer";
    static final String OUTSIDER = "d8a-it-outsider";
    static final String MONITOR = "d8a-it-monitor";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Properties USERS = users();

    private AdminApi() {
    }

    static String password(String user) {
        String password = USERS.getProperty(user);
        if (password == null) {
            throw new IllegalStateException("no test user " + user + " in " + System.getProperty("d8a.it.users"));
        }
        return password;
    }

    /** A request to {@code path} of {@code base} as {@code user}. */
    static HttpRequest.Builder as(String user, URI base, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password(user))
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + token);
    }

    /** {@code GET path} as the admin. */
    static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return HTTP.send(as(ADMIN, base, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST path} as the admin, with an empty JSON body. */
    static HttpResponse<String> post(URI base, String path) throws IOException, InterruptedException {
        return send(postAs(ADMIN, base, path));
    }

    static HttpRequest postAs(String user, URI base, String path) {
        return as(user, base, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Properties users() {
        Properties users = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("d8a.it.users")))) {
            users.load(reader);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the tests' users are made by src/test/scripts/it-users.sh before the"
                    + " tests (d8a.it.users)", e);
        }
        return users;
    }
}
