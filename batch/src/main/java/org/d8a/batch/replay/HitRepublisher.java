package org.d8a.batch.replay;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.config.D8aConfig;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.sessions.HitsQueue;
import org.d8a.sessions.Isolation;
import org.d8a.sessions.QueuedMessages;

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
    D8aConfig config;

    @Inject
    QueuedMessages queuedMessages;

    @Override
    public void writeItems(List<Object> lines) throws JMSException {
        Map<String, List<Hit>> byPartition = new LinkedHashMap<>();
        for (Object line : lines) {
            for (Hit hit : HitCodec.decodeAll((String) line)) {
                String partition = Isolation.partition(Isolation.isolatedClientId(hit.getPropertyId(),
                        hit.getAuthoritativeClientId()), config.queuePartitions());
                byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(hit);
            }
        }
        for (Map.Entry<String, List<Hit>> partition : byPartition.entrySet()) {
            queuedMessages.count(partition.getKey());
            TextMessage message = jms.createTextMessage(HitCodec.encodeAll(partition.getValue()));
            message.setStringProperty("JMSXGroupID", partition.getKey());
            message.setIntProperty(HitsQueue.HIT_COUNT_PROPERTY, partition.getValue().size());
            jms.createProducer().send(queue, message);
        }
    }
}
