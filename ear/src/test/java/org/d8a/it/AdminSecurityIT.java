package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API behind WildFly security (web.xml, the ApplicationRealm): every admin endpoint refuses anonymous
 * callers with 401 and users without the role with 403, and runs nothing for them; readers may read, only admins
 * act, and only with {@code application/json}; the collect path and {@code /healthz} stay anonymous. Then the bad
 * input of the admin calls, each answered with a status and a one-line reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminSecurityIT {

    private static final List<String> READS = List.of("/spool", "/properties/default/columns", "/admin/",
            "/admin/api/overview", "/admin/app.js");
    private static final List<String> ACTIONS = List.of("/spool/deliver", "/spool/redeliver", "/spool/migrate",
            "/replay?path=.", "/queue/pause", "/queue/resume");
    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    URL baseUrl;

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @Test
    void readsNeedAViewerOrAdmin() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        for (String path : READS) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(root.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode(), path);
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
            assertEquals(403, status(AdminApi.as(AdminApi.OUTSIDER, root, path).build()), path);
            assertEquals(200, status(AdminApi.as(AdminApi.VIEWER, root, path).build()), path);
            assertEquals(200, status(AdminApi.as(AdminApi.ADMIN, root, path).build()), path);
        }
        HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(root.resolve("/spool"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (AdminApi.ADMIN + ":not-the-password").getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrongPassword.statusCode());
    }

    @Test
    void actionsNeedAnAdminAndRunNothingForOthers() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        long newestJob = newestJobExecution(root);
        for (String path : ACTIONS) {
            HttpRequest anonymous = HttpRequest.newBuilder(root.resolve(path)).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertEquals(401, status(anonymous), path);
            assertEquals(403, status(AdminApi.postAs(AdminApi.OUTSIDER, root, path)), path);
            assertEquals(403, status(AdminApi.postAs(AdminApi.VIEWER, root, path)), path);
            // a cross-site form can only send simple content types: refused before anything runs
            HttpResponse<String> form = AdminApi.send(AdminApi.as(AdminApi.ADMIN, root, path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());
            assertEquals(415, form.statusCode(), path);
            assertTrue(error(form).contains("application/json"), form.body());
            // a preflight carries no credentials: a browser on another site gets no permission to send
            assertEquals(401, status(HttpRequest.newBuilder(root.resolve(path)).method("OPTIONS",
                    HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "POST").build()), path);
        }
        assertEquals(newestJob, newestJobExecution(root), "no job ran for the refused calls");

        HttpResponse<String> migrate = AdminApi.post(root, "/spool/migrate");
        assertEquals(202, migrate.statusCode(), migrate.body());
        assertEquals("migrate", json(migrate).getString("job"));
        assertTrue(newestJobExecution(root) > newestJob, "the admin's call ran the job");
    }

    @Test
    void theCollectPathAndHealthzStayAnonymous() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        assertEquals(204, new Tracker(root).pageView("anon.1", "https://example.com/anonymous").statusCode());
        assertEquals(200, status(HttpRequest.newBuilder(root.resolve("/healthz")).build()));
    }

    @Test
    void badInputIsAnsweredWithAReason() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        assertBadRequest(AdminApi.post(root, "/spool/deliver?chunk_size=many"), "chunk_size");
        assertBadRequest(AdminApi.post(root, "/spool/deliver?chunk_size=0"), "chunk_size");
        assertBadRequest(AdminApi.post(root, "/replay"), "path is required");
        assertBadRequest(AdminApi.post(root, "/replay?path=no-such-raw-log.jsonl"), "no-such-raw-log.jsonl");
        assertBadRequest(AdminApi.post(root, "/replay?path=../../etc"), "inside");
        assertBadRequest(AdminApi.post(root, "/replay?path=.&recover=maybe"), "recover");
        HttpResponse<String> unknownProperty = AdminApi.get(root, "/properties/nope/columns");
        assertEquals(404, unknownProperty.statusCode());
        assertTrue(error(unknownProperty).contains("nope"), unknownProperty.body());

        long quarantined = json(AdminApi.get(root, "/spool")).getJsonNumber("quarantined").longValue();
        HttpResponse<String> redeliver = AdminApi.post(root, "/spool/redeliver");
        if (quarantined == 0) {
            assertEquals(409, redeliver.statusCode(), redeliver.body());
            assertTrue(error(redeliver).contains("nothing is quarantined"), redeliver.body());
        } else {
            assertEquals(202, redeliver.statusCode(), redeliver.body());
        }
    }

    @Test
    void twoDeliveriesAtOnceAreEachAnsweredClearly() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> deliver(root));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> deliver(root));
        List<HttpResponse<String>> answers = List.of(first.join(), second.join());
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() == 202 || answer.statusCode() == 409, answer.body());
            JsonObject body = json(answer);
            assertEquals("deliver", body.getString("job"));
            assertTrue(body.getJsonNumber("execution_id").longValue() > 0, answer.body());
            if (answer.statusCode() == 409) {
                assertTrue(body.getString("error").contains("already running"), answer.body());
            }
        }
        if (answers.get(0).statusCode() == 202 && answers.get(1).statusCode() == 202) {
            // the first had ended before the second came: two executions, one after the other
            assertNotEquals(json(answers.get(0)).getJsonNumber("execution_id").longValue(),
                    json(answers.get(1)).getJsonNumber("execution_id").longValue());
        }
    }

    private static HttpResponse<String> deliver(URI root) {
        try {
            return AdminApi.post(root, "/spool/deliver");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long newestJobExecution(URI root) throws Exception {
        JsonObject overview = json(AdminApi.get(root, "/admin/api/overview"));
        return overview.getJsonArray("jobs").stream().mapToLong(job -> ((JsonObject) job)
                .getJsonNumber("executionId").longValue()).max().orElse(0);
    }

    private int status(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void assertBadRequest(HttpResponse<String> response, String reasonPart) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(error(response).contains(reasonPart), response.body());
    }

    private static String error(HttpResponse<String> response) {
        return json(response).getString("error");
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
