package org.d8a.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.d8a.config.TestConfig;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's order of things with a journal (the raw log): each cycle's records are written once, before any of
 * its messages is sent and before its requests complete; a journal that cannot be written refuses the cycle and
 * nothing of it is sent; a cycle that does not commit is taken back out of the journal.
 */
class HitPublisherTest {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final RecordingJournal journal = new RecordingJournal();
    private volatile boolean commitFails;
    /** When set, every send waits for it, as a send waits for a broker that blocks producers. */
    private volatile CountDownLatch holdSends;
    private final CountDownLatch sendStarted = new CountDownLatch(1);
    /** The publisher's watch for a blocked send, run by the test when it wants. */
    private volatile Runnable watch;
    private HitPublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.stop();
        }
    }

    @Test
    void aCycleIsJournaledInOneWriteBeforeItsHitsAreSentAndItsRequestsComplete() throws Exception {
        journal.holdWrites = new CountDownLatch(1);
        start("200ms");
        List<CompletableFuture<Void>> requests = List.of(publisher.publish(List.of(hit("a"))),
                publisher.publish(List.of(hit("b"), hit("c"))), publisher.publish(List.of(hit("d"))));

        assertTrue(journal.writing.await(5, TimeUnit.SECONDS), "the cycle is journaled");
        assertEquals(List.of("write [a, b+c, d]"), events, "nothing is sent before the journal is written");
        assertTrue(requests.stream().noneMatch(CompletableFuture::isDone), "no request completes before its commit");
        journal.holdWrites.countDown();
        for (CompletableFuture<Void> request : requests) {
            request.get(5, TimeUnit.SECONDS);
        }

        List<String> cycle = List.copyOf(events);
        assertEquals("write [a, b+c, d]", cycle.get(0));
        assertTrue(cycle.subList(1, cycle.size() - 2).stream().allMatch(event -> event.startsWith("send ")),
                cycle::toString);
        assertEquals(List.of("commit", "committed"), cycle.subList(cycle.size() - 2, cycle.size()));
        assertEquals(4, cycle.stream().filter(event -> event.startsWith("send ")).mapToInt(
                event -> event.split(",").length).sum(), "every hit sent once: " + cycle);
        assertTrue(journal.idle.await(5, TimeUnit.SECONDS), "an idle flusher lets the journal confirm");
    }

    @Test
    void aCycleWhoseJournalCannotBeWrittenIsRefusedBeforeAnythingIsSent() throws Exception {
        journal.failWrites = true;
        start("1ms");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> publisher.publish(List.of(hit("a"))).get(5, TimeUnit.SECONDS));
        assertInstanceOf(JournalUnavailableException.class, refused.getCause());
        assertEquals(List.of("write failed [a]"), events, "no message is sent, nothing commits");

        journal.failWrites = false;
        publisher.publish(List.of(hit("b"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("write failed [a]", "write [b]", "send b", "commit", "committed"), events,
                "the next cycle goes through once the journal can be written");
    }

    @Test
    void aCycleThatDoesNotCommitIsTakenBackOutOfTheJournal() throws Exception {
        commitFails = true;
        start("1ms");
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> publisher.publish(List.of(hit("a"))).get(5, TimeUnit.SECONDS));
        assertInstanceOf(JMSException.class, failed.getCause());
        assertEquals(List.of("write [a]", "send a", "commit failed", "not committed"), events);
    }

    @Test
    void aSendTheBrokerHoldsRefusesItsRequestsAndNewOnesAtOnceUntilItReturns() throws Exception {
        CompletableFuture<Void> held = heldSend();

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> publisher.publish(List.of(hit("b"))).get(5, TimeUnit.SECONDS));
        assertInstanceOf(QueueBlockedException.class, refused.getCause());
        ExecutionException heldRefused = assertThrows(ExecutionException.class, () -> held.get(5, TimeUnit.SECONDS));
        assertInstanceOf(QueueBlockedException.class, heldRefused.getCause(), "not acknowledged while blocked");

        publisher.blockedAfterNanos = Long.MAX_VALUE;
        holdSends.countDown();
        publisher.publish(List.of(hit("c"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("send a", "commit", "send c", "commit"), events,
                "the held send goes on once the broker lets it; a refused request is not sent");
    }

    @Test
    void theWatchRefusesABlockedCycleWhenNoOtherRequestComes() throws Exception {
        CompletableFuture<Void> held = heldSend();
        assertFalse(held.isDone());

        watch.run();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> held.get(5, TimeUnit.SECONDS));
        assertInstanceOf(QueueBlockedException.class, refused.getCause());
        holdSends.countDown();
    }

    @Test
    void withoutAJournalNothingIsRecorded() throws Exception {
        journal.enabled = false;
        start("1ms");
        publisher.publish(List.of(hit("a"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("send a", "commit"), events);
        assertFalse(journal.recorded);
    }

    @Test
    void aPartitionHoldingPublishMaxHitsIsSentWithoutWaitingForTheWindow() throws Exception {
        journal.enabled = false;
        start("1h", 3);
        CompletableFuture<Void> first = publisher.publish(List.of(hit("a", "one"), hit("b", "one")));
        assertFalse(first.isDone(), "two hits of a partition wait for the window");
        CompletableFuture<Void> second = publisher.publish(List.of(hit("c", "one")));
        // long before the window of an hour: the partition's third hit fills it
        second.get(5, TimeUnit.SECONDS);
        first.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("send a,b,c", "commit"), events);
    }

    /** Starts a publisher whose first send ("a") the broker holds, counted as blocked at once. */
    private CompletableFuture<Void> heldSend() throws InterruptedException {
        journal.enabled = false;
        holdSends = new CountDownLatch(1);
        start("1ms");
        publisher.blockedAfterNanos = 0;
        CompletableFuture<Void> held = publisher.publish(List.of(hit("a")));
        assertTrue(sendStarted.await(5, TimeUnit.SECONDS), "the send waits for the broker");
        return held;
    }

    private void start(String window) {
        start(window, 500);
    }

    private void start(String window, int publishMaxHits) {
        QueueSettings settings = new QueueSettings(TestConfig.of(Map.of("receiver.publish_window", window,
                "queue.partitions", "4", "receiver.publish_max_hits", Integer.toString(publishMaxHits))));
        DataClock clock = new DataClock();
        clock.settings = settings;
        clock.init();
        publisher = new HitPublisher();
        publisher.settings = settings;
        publisher.dataClock = clock;
        publisher.partitions = new Partitions(4);
        publisher.journal = journal;
        publisher.queue = fake(Queue.class, (method, args) -> null);
        publisher.threads = fake(ManagedThreadFactory.class, (method, args) -> new Thread((Runnable) args[0]));
        publisher.scheduler = fake(ManagedScheduledExecutorService.class, (method, args) -> {
            watch = (Runnable) args[0];
            return fake(ScheduledFuture.class, (call, ignored) -> null);
        });
        publisher.connectionFactory = fake(ConnectionFactory.class, (method, args) -> connection());
        publisher.start();
    }

    private Connection connection() {
        Session session = fake(Session.class, (method, args) -> switch (method) {
            case "createProducer" -> fake(MessageProducer.class, (sent, message) -> {
                if (sent.equals("send")) {
                    sendStarted.countDown();
                    CountDownLatch hold = holdSends;
                    if (hold != null) {
                        hold.await();
                    }
                    events.add("send " + String.join(",", HitMessages.hitsOf((TextMessage) message[0]).stream()
                            .map(Hit::getId).toList()));
                }
                return null;
            });
            case "createTextMessage" -> {
                String text = (String) args[0];
                yield fake(TextMessage.class, (call, ignored) -> call.equals("getText") ? text : null);
            }
            case "commit" -> {
                if (commitFails) {
                    events.add("commit failed");
                    throw new JMSException("commit refused");
                }
                events.add("commit");
                yield null;
            }
            default -> null;
        });
        return fake(Connection.class, (method, args) -> method.equals("createSession") ? session : null);
    }

    private static Hit hit(String id) {
        return hit(id, id);
    }

    private static Hit hit(String id, String client) {
        Hit hit = new Hit();
        hit.setId(id);
        hit.setPropertyId("default");
        hit.setClientId("client-" + client);
        hit.setAuthoritativeClientId("client-" + client);
        return hit;
    }

    /** How a fake answers a call: by method name and arguments. */
    @FunctionalInterface
    private interface ThrowingAnswer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, ThrowingAnswer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName();
                };
            }
            Object result = answer.answer(method.getName(), args == null ? new Object[0] : args);
            if (result == null && method.getReturnType() == boolean.class) {
                return false;
            }
            if (result == null && method.getReturnType().isPrimitive() && method.getReturnType() != void.class) {
                return 0;
            }
            return result;
        });
    }

    /** A journal that records what the publisher asks of it, in the order it asks. */
    private final class RecordingJournal implements PublishJournal {
        volatile boolean enabled = true;
        volatile boolean failWrites;
        volatile boolean recorded;
        volatile CountDownLatch holdWrites;
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch idle = new CountDownLatch(1);

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public byte[] record(List<Hit> hits) {
            recorded = true;
            return String.join("+", hits.stream().map(Hit::getId).toList()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(List<byte[]> records) throws IOException {
            List<String> requests = records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
            if (failWrites) {
                events.add("write failed " + requests);
                throw new IOException("disk full");
            }
            events.add("write " + requests);
            writing.countDown();
            CountDownLatch hold = holdWrites;
            if (hold != null) {
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void committed() {
            events.add("committed");
        }

        @Override
        public void notCommitted() {
            events.add("not committed");
        }

        @Override
        public void idle() {
            if (events.contains("committed")) {
                idle.countDown();
            }
        }
    }
}
