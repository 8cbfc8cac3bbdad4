package org.d8a.batch.replay;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.queue.HitMessages;
import org.d8a.queue.HitsQueue;
import org.d8a.queue.Partitions;
import org.d8a.queue.QueuedMessages;

/**
 * Puts replayed hits back on the hits queue, each in its client's partition as the receiver would, with their logged
 * ids and receive times: the pipeline then builds the same sessions and rows. The sends commit with the chunk.
 */
@Named
@Dependent
public class HitRepublisher extends AbstractItemWriter {

    @Inject
    JMSContext jms;

    @Resource(lookup = HitsQueue.JNDI_NAME)
    Queue queue;

    @Inject
    Partitions partitions;

    @Inject
    QueuedMessages queuedMessages;

    @Override
    public void writeItems(List<Object> lines) throws JMSException {
        Map<String, List<Hit>> byPartition = new LinkedHashMap<>();
        for (Object line : lines) {
            for (Hit hit : HitCodec.decodeAll((String) line)) {
                byPartition.computeIfAbsent(partitions.of(hit), p -> new ArrayList<>()).add(hit);
            }
        }
        for (Map.Entry<String, List<Hit>> partition : byPartition.entrySet()) {
            queuedMessages.count(partition.getKey());
            jms.createProducer().send(queue, HitMessages.create(jms::createTextMessage, partition.getKey(),
                    partition.getValue()));
        }
    }
}
