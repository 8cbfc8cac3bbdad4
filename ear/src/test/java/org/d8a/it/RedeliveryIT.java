package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hit delivered twice by the queue (as after a crash between the database commit and the acknowledgement, or a
 * redelivery) is stored once. A probe deployment puts the same queue message on the hits queue twice, as the broker
 * would redeliver it; the test then reads the warehouse as a client.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeliveryIT {

    /** Where the client side leaves the client id for the probe: the server's data directory, which both can read. */
    private static final String CLIENT_FILE = "redelivery-client.txt";

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/hits")
    Queue hits;

    @Deployment(name = "d8a", testable = false, order = 1)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "redelivery-probe.war").addClass(RedeliveryIT.class);
    }

    @Deployment(name = "pipeline", testable = false, order = 3)
    static WebArchive pipelineProbe() {
        return Pipeline.probe();
    }

    private static String hitId(String client) {
        return "redelivered-hit-" + client;
    }

    /** The queue message format: a JSON array of hits, grouped by partition like the receiver's messages. */
    private static String message(String client, long receivedAt) {
        String hitId = hitId(client);
        return "[{\"id\":\"" + hitId + "\",\"clientId\":\"" + client + "\",\"authoritativeClientId\":\"" + client
                + "\",\"propertyId\":\"default\",\"eventName\":\"page_view\",\"ip\":\"127.0.0.1\","
                + "\"host\":\"localhost\",\"path\":\"/g/collect\",\"method\":\"GET\",\"receivedAtMillis\":" + receivedAt
                + ",\"arrivalSeq\":1,\"queryParams\":{\"v\":[\"2\"],\"tid\":[\"G-IT\"],\"en\":[\"page_view\"],"
                + "\"cid\":[\"" + client + "\"],\"dl\":[\"https://example.com/twice\"]},"
                + "\"headers\":{\"User-Agent\":[\"d8a-it/" + client + "\"]},\"metadata\":{\"protocol\":\"ga4\"}}]";
    }

    @Test
    @Order(1)
    @RunAsClient
    void aClientIdIsChosen() throws Exception {
        Files.writeString(Path.of(System.getProperty("d8a.it.dir"), "state", CLIENT_FILE), "redelivered-"
                + UUID.randomUUID());
    }

    @Test
    @Order(2)
    @OperateOnDeployment("probe")
    void theSameMessageIsDeliveredTwice() throws Exception {
        String client = Files.readString(Path.of(System.getProperty("jboss.server.data.dir"), CLIENT_FILE));
        String body = message(client, System.currentTimeMillis());
        try (JMSContext jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            for (int copy = 0; copy < 2; copy++) {
                TextMessage message = jms.createTextMessage(body);
                message.setStringProperty("JMSXGroupID", "p0");
                jms.createProducer().send(hits, message);
            }
            jms.commit();
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void itsHitIsWrittenOnce(@ArquillianResource @OperateOnDeployment("d8a") URL baseUrl) throws Exception {
        String client = Files.readString(Path.of(System.getProperty("d8a.it.dir"), "state", CLIENT_FILE));
        WarehouseRows warehouse = new WarehouseRows(Path.of(System.getProperty("d8a.it.dir"), "warehouse"),
                Pipeline.ofTestServer(baseUrl.toURI().resolve("/")));
        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 1, Duration.ofSeconds(60));
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(hitId(client), rows.get(0).get("id"));
    }
}
