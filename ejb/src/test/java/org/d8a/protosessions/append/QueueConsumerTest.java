package org.d8a.protosessions.append;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.queue.DataClock;
import org.junit.jupiter.api.Test;

/**
 * How the consumer cuts the queue into transactions, against fakes of the JMS and JTA interfaces: everything held goes
 * into one append and one commit; a failed batch is rolled back and its messages, when redelivered, are taken one per
 * transaction. The queue itself (groups, redelivery) runs in the integration tests.
 */
class QueueConsumerTest {

    private final Deque<Message> queue = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private final List<List<String>> appended = new ArrayList<>();
    private final List<String> processed = new ArrayList<>();
    private int failuresToCome;
    private QueueConsumer consumer;

    @Test
    void everyMessageHeldGoesIntoOneTransaction() {
        queue.add(message("p1", "a"));
        queue.add(message("p2", "b"));
        queue.add(message("p1", "c"));
        run();
        assertEquals(List.of(List.of("a", "b", "c")), appended);
        assertEquals(List.of("begin", "db-commit", "jms-commit"), events);
        assertEquals(List.of("p1", "p2", "p1"), processed, "data time moves for each message, after both commits");
    }

    @Test
    void aFailedBatchIsRolledBackAndItsRedeliveryTakenOneMessageAtATime() {
        failuresToCome = 1;
        queue.add(message("p1", "a"));
        queue.add(message("p2", "b"));
        run();
        assertEquals(List.of(List.of("a", "b"), List.of("a"), List.of("b")), appended);
        assertEquals(List.of("begin", "db-rollback", "jms-rollback", "begin", "db-commit", "jms-commit", "begin",
                "db-commit", "jms-commit"), events);
        assertEquals(List.of("p1", "p2"), processed, "the failed batch moved no data time");
    }

    private void run() {
        ProtoSessionAppender appender = new ProtoSessionAppender() {
            @Override
            public void append(List<Hit> hits) {
                appended.add(hits.stream().map(hit -> hit.getQueryParams().get("en").get(0)).toList());
                if (failuresToCome > 0) {
                    failuresToCome--;
                    throw new IllegalStateException("identifier claimed by another partition meanwhile");
                }
            }
        };
        DataClock clock = new DataClock() {
            @Override
            public void processed(List<String> partitions, List<Long> receivedAtMillis) {
                processed.addAll(partitions);
            }
        };
        consumer = new QueueConsumer(connectionFactory(), null, transaction(), appender, clock);
        consumer.run();
    }

    /** A message of partition {@code partition} with one hit named {@code name}. */
    private static Message message(String partition, String name) {
        Hit hit = TestHits.bare(name);
        String text = HitCodec.encodeAll(List.of(hit));
        return fake(TextMessage.class, (method, args) -> switch (method) {
            case "getText" -> text;
            case "getStringProperty" -> partition;
            default -> null;
        });
    }

    private ConnectionFactory connectionFactory() {
        List<Message> unacknowledged = new ArrayList<>();
        MessageConsumer messages = fake(MessageConsumer.class, (method, args) -> switch (method) {
            case "receive", "receiveNoWait" -> {
                Message next = queue.poll();
                if (next == null && method.equals("receive")) {
                    consumer.stop();
                }
                if (next != null) {
                    unacknowledged.add(next);
                }
                yield next;
            }
            default -> null;
        });
        Session session = fake(Session.class, (method, args) -> switch (method) {
            case "createConsumer" -> messages;
            case "commit" -> {
                events.add("jms-commit");
                unacknowledged.clear();
                yield null;
            }
            case "rollback" -> {
                events.add("jms-rollback");
                // Artemis redelivers what the session held, in order
                for (int i = unacknowledged.size() - 1; i >= 0; i--) {
                    queue.addFirst(unacknowledged.get(i));
                }
                unacknowledged.clear();
                yield null;
            }
            default -> null;
        });
        Connection connection = fake(Connection.class, (method, args) -> method.equals("createSession") ? session
                : null);
        return fake(ConnectionFactory.class, (method, args) -> method.equals("createConnection") ? connection : null);
    }

    private UserTransaction transaction() {
        boolean[] active = {false};
        return fake(UserTransaction.class, (method, args) -> {
            switch (method) {
                case "begin" -> {
                    events.add("begin");
                    active[0] = true;
                }
                case "commit" -> {
                    events.add("db-commit");
                    active[0] = false;
                }
                case "rollback" -> {
                    events.add("db-rollback");
                    active[0] = false;
                }
                case "getStatus" -> {
                    return active[0] ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
                }
                default -> {
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
