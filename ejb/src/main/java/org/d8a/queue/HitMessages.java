package org.d8a.queue;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;

/**
 * The one shape of a message of the hits queue, for every publisher and the consumer: the hits of one partition,
 * encoded by the hit codec, with {@code JMSXGroupID} set on the message itself (architecture decision 2).
 */
public final class HitMessages {

    /** The group property Artemis pins to one consumer at a time. */
    static final String GROUP_PROPERTY = "JMSXGroupID";

    /** Creates an empty text message: {@code Session::createTextMessage} or {@code JMSContext::createTextMessage}. */
    @FunctionalInterface
    public interface TextMessages {
        TextMessage create(String text) throws JMSException;
    }

    private HitMessages() {
    }

    /** A message carrying {@code hits}, all of partition {@code partition}. */
    public static TextMessage create(TextMessages messages, String partition, List<Hit> hits) throws JMSException {
        TextMessage message = messages.create(HitCodec.encodeAll(hits));
        message.setStringProperty(GROUP_PROPERTY, partition);
        return message;
    }

    /** The partition ({@code p<N>}) a message of the hits queue belongs to. */
    public static String partitionOf(Message message) throws JMSException {
        return message.getStringProperty(GROUP_PROPERTY);
    }

    /** The hits a message of the hits queue carries, in the order they were published. */
    public static List<Hit> hitsOf(Message message) throws JMSException {
        return HitCodec.decodeAll(((TextMessage) message).getText());
    }
}
