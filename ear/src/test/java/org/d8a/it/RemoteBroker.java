package org.d8a.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;

/**
 * A standalone Artemis broker of the distribution Maven unpacks for the tests ({@code d8a.it.artemis.home}): an
 * instance made by {@code artemis create} with the hits queue and the sessions topic, a user that must log in, its
 * core acceptor on loopback, run as a process of its own so that a test can kill it and start it again on the same
 * journal.
 */
final class RemoteBroker implements AutoCloseable {

    static final int PORT = 61716;
    static final String USER = "d8a-broker-it";

    private final Path instance;
    private final String password;
    private Process process;

    RemoteBroker(Path instance, String password) throws IOException, InterruptedException {
        this.instance = instance;
        this.password = password;
        Path home = Path.of(System.getProperty("d8a.it.artemis.home"));
        run(List.of("bash", home.resolve("bin/artemis").toString(), "create", instance.toString(), "--silent",
                "--user", USER, "--password", password, "--require-login", "--host", "127.0.0.1",
                "--default-port", String.valueOf(PORT), "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor",
                "--no-stomp-acceptor", "--no-hornetq-acceptor", "--nio", "--no-autotune",
                "--queues", "hits:anycast", "--addresses", "sessions:multicast"), instance.resolveSibling("create.log"));
    }

    /** The environment messaging-remote.cli reads, for the server's process. */
    Map<String, String> serverEnvironment() {
        return Map.of("D8A_BROKER_HOST", "127.0.0.1", "D8A_BROKER_PORT", String.valueOf(PORT),
                "D8A_BROKER_USER", USER, "D8A_BROKER_PASSWORD", password);
    }

    /** Starts the broker and waits until it takes a logged-in connection. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolve("console.log").toFile()));
        process = builder.start();
        Awaitility.await("the broker at 127.0.0.1:" + PORT).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(JMSException.class).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("broker exited with " + process.exitValue() + "; see "
                                + instance.resolve("console.log"));
                    }
                    try (Connection connection = factory().createConnection(USER, password)) {
                        return true;
                    }
                });
    }

    /** SIGKILL: the broker keeps only what its journal had. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The broker's own count of the messages of {@code queue}, those in delivery included. */
    long messageCount(String queue) throws Exception {
        try (QueueConnection connection = factory().createQueueConnection(USER, password)) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(session, session.createQueue("activemq.management"));
            connection.start();
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            Message reply = requestor.request(request);
            Object result = JMSManagementHelper.getResult(reply);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("the broker refused the management request: " + result);
            }
            return ((Number) result).longValue();
        }
    }

    private static ActiveMQConnectionFactory factory() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + PORT + "?reconnectAttempts=0");
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process create = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (create.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
