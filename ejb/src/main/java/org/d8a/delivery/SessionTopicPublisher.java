package org.d8a.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.files.format.GoJson;

/**
 * Publishes each delivered session to the JMS topic {@code delivery.sessions_topic} names (off when it is empty), for
 * other consumers: one text message per session, {@code {"property_id", "session_id", "table", "rows"}} in Go's JSON
 * (keys sorted, as the console warehouse prints rows), every column of the table in each row. The send joins the
 * caller's transaction, the one that removes the session from the spool, so a subscriber gets each session once.
 */
@ApplicationScoped
public class SessionTopicPublisher {

    /** JMS properties of each message, for subscribers' selectors, and the message's own keys. */
    private static final String PROPERTY_ID = "property_id";
    private static final String SESSION_ID = "session_id";

    @Inject
    DeliverySettings settings;

    @Inject
    JMSContext jms;

    private Topic topic;

    /** Looks the topic up while the application deploys: a name that is bound to no topic fails the deployment. */
    void checkAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        enabled();
    }

    @PostConstruct
    void lookUp() {
        String name = settings.sessionsTopic();
        if (name.isEmpty()) {
            return;
        }
        try {
            topic = InitialContext.doLookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("delivery.sessions_topic " + name + " is bound to no JMS topic; add it"
                    + " with jms-topic:add (docs/operations.md): " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return topic != null;
    }

    /** Sends one message per session of {@code rows} (grouped by {@code session_id}, in their order). */
    public void publish(String propertyId, String table, Schema schema, List<Map<String, Object>> rows) {
        if (topic == null) {
            return;
        }
        Map<Object, List<Map<String, Object>>> bySession = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> complete = new LinkedHashMap<>();
            for (Field field : schema.getFields()) {
                complete.put(field.getName(), row.get(field.getName()));
            }
            bySession.computeIfAbsent(row.get(SESSION_ID), id -> new ArrayList<>()).add(complete);
        }
        for (Map.Entry<Object, List<Map<String, Object>>> session : bySession.entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(PROPERTY_ID, propertyId);
            body.put(SESSION_ID, session.getKey());
            body.put("table", table);
            body.put("rows", session.getValue());
            TextMessage message = jms.createTextMessage(GoJson.of(body));
            try {
                message.setStringProperty(PROPERTY_ID, propertyId);
                message.setStringProperty(SESSION_ID, String.valueOf(session.getKey()));
            } catch (JMSException e) {
                throw new IllegalStateException("cannot address session " + session.getKey() + " to the sessions"
                        + " topic", e);
            }
            jms.createProducer().send(topic, message);
        }
    }
}
