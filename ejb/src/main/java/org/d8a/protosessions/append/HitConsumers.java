package org.d8a.protosessions.append;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.d8a.queue.DataClock;
import org.d8a.queue.HitsQueue;
import org.d8a.queue.QueueSettings;

/**
 * The consumers of the hits queue: {@code queue.consumers} threads, each with a JMS session of its own on which Artemis
 * pins the message groups (partitions) it serves, so the hits of a client are appended in order by one consumer at a
 * time (architecture decision 2). Each consumer takes every message it already holds, up to a bound, into one database
 * transaction ({@link QueueConsumer}).
 *
 * <p>Why threads rather than a message-driven bean: an MDB gets one message per transaction, and under load (many
 * partitions, short publish windows) a message carries one or two hits, so every hit paid a database commit of its
 * own. A consumer that drains what it has received commits once for many messages.</p>
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class HitConsumers {

    @Resource(lookup = HitsQueue.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = HitsQueue.JNDI_NAME)
    Queue queue;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    UserTransaction transaction;

    @Inject
    ProtoSessionAppender appender;

    @Inject
    DataClock dataClock;

    @Inject
    QueueSettings settings;

    private final List<QueueConsumer> consumers = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();

    @PostConstruct
    void start() {
        for (int i = 0; i < settings.consumers(); i++) {
            QueueConsumer consumer = new QueueConsumer(connectionFactory, queue, transaction, appender, dataClock);
            Thread thread = threads.newThread(consumer);
            thread.setName("d8a-hit-consumer-" + i);
            consumers.add(consumer);
            running.add(thread);
            thread.start();
        }
    }

    @PreDestroy
    void stop() {
        consumers.forEach(QueueConsumer::stop);
        for (Thread thread : running) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
