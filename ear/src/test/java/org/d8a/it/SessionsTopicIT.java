package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code delivery.sessions_topic}: each delivered session is also a JSON message on the topic, received by a plain JMS
 * client outside the server (the broker's own client, through WildFly's HTTP upgrade) under a durable subscription.
 * The server is killed with SIGKILL while the deliver job runs, one session per chunk, and started again: the
 * subscriber then finds every session exactly once, each with its rows, and a user outside the subscriber group
 * cannot subscribe.
 */
class SessionsTopicIT {

    private static final String TOPIC = "jms.topic.sessions";
    private static final String SUBSCRIBER = "d8a-it-subscriber";
    private static final String SUBSCRIPTION = "sessions-it";

    @Test
    void everyDeliveredSessionReachesTheSubscriberOnceAcrossAKill() throws Exception {
        int sessions = 60;
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "sessions-topic-" + UUID.randomUUID());
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "sessions:\n  timeout: 1s\ndelivery:\n  interval: 1h\n  chunk_size: 1\n"
                + "  sessions_topic: java:/jms/topic/sessions\n", StandardCharsets.UTF_8);
        String run = "topic-" + UUID.randomUUID() + "-";
        String clientId = "d8a-it-" + UUID.randomUUID();
        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory("tcp://localhost:"
                    + server.baseUri().getPort() + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
            // The subscription exists before the first session is delivered, and keeps what arrives while no one reads.
            try (JMSContext subscriber = subscriber(broker, clientId)) {
                subscriber.createDurableConsumer(subscriber.createTopic(TOPIC), SUBSCRIPTION).close();
            }
            try (JMSContext outsider = broker.createContext("d8a-it-outsider",
                    AdminApi.password("d8a-it-outsider"))) {
                outsider.setClientID("d8a-it-outsider-" + UUID.randomUUID());
                Topic topic = outsider.createTopic(TOPIC);
                assertThrows(JMSSecurityRuntimeException.class,
                        () -> outsider.createDurableConsumer(topic, "not-allowed"),
                        "only the d8a-sessions-subscriber group subscribes");
            }

            Tracker tracker = new Tracker(server.baseUri());
            for (int i = 0; i < sessions; i++) {
                assertEquals(204, tracker.pageView(run + i, "https://shop.example.com/a").statusCode());
                assertEquals(204, tracker.pageView(run + i, "https://shop.example.com/b").statusCode());
            }
            DeliveryKill.midDelivery(server, sessions);

            server.start();
            await("every session delivered").atMost(Duration.ofSeconds(240)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(() -> SpoolEndpoint.depth(server.baseUri()) == 0);

            Map<String, Integer> messagesByClient = new HashMap<>();
            List<String> sessionIds = new ArrayList<>();
            try (JMSContext subscriber = subscriber(broker, clientId);
                    JMSConsumer consumer = subscriber.createDurableConsumer(subscriber.createTopic(TOPIC),
                            SUBSCRIPTION)) {
                // Every session was sent in the transaction that removed it from the spool, which is empty now: each
                // message is in the subscription. Reading on until none comes for a while also finds a late duplicate.
                for (Message message = consumer.receive(10_000); message != null; message = consumer.receive(2_000)) {
                    JsonObject session = json(((TextMessage) message).getText());
                    // G-IT is no property of its own here: its hits belong to the default property.
                    assertEquals("default", session.getString("property_id"));
                    assertEquals("default", message.getStringProperty("property_id"));
                    assertEquals("events", session.getString("table"));
                    String sessionId = session.getString("session_id");
                    assertEquals(sessionId, message.getStringProperty("session_id"));
                    sessionIds.add(sessionId);
                    List<JsonObject> rows = session.getJsonArray("rows").getValuesAs(JsonObject.class);
                    assertEquals(2, rows.size(), "both page views of the session: " + session);
                    String client = rows.get(0).getString("client_id");
                    assertEquals(client, rows.get(1).getString("client_id"));
                    assertEquals(List.of("https://shop.example.com/a", "https://shop.example.com/b"),
                            rows.stream().map(row -> row.getString("page_location")).toList());
                    rows.forEach(row -> assertEquals(sessionId, row.getString("session_id")));
                    rows.forEach(row -> assertEquals("default", row.getString("property_id")));
                    if (client.startsWith(run)) {
                        messagesByClient.merge(client, 1, Integer::sum);
                    }
                }
                consumer.close();
                subscriber.unsubscribe(SUBSCRIPTION);
            }
            assertEquals(sessions, messagesByClient.size(), "a message for every session: " + messagesByClient);
            assertTrue(messagesByClient.values().stream().allMatch(count -> count == 1),
                    "no session twice: " + messagesByClient);
            assertEquals(sessionIds.size(), sessionIds.stream().distinct().count(), "no session id twice");
        }
    }

    private static JMSContext subscriber(ActiveMQConnectionFactory broker, String clientId) {
        JMSContext context = broker.createContext(SUBSCRIBER, AdminApi.password(SUBSCRIBER));
        context.setClientID(clientId);
        return context;
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
