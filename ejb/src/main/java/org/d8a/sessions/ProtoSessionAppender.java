package org.d8a.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.sessions.proto.ProtoSession;
import org.d8a.sessions.proto.ProtoSessionHit;
import org.d8a.sessions.proto.ProtoSessionRepository;

/** Appends hits to the proto-sessions of their isolated clients, inside the caller's transaction. */
@ApplicationScoped
public class ProtoSessionAppender {

    @Inject
    ProtoSessionRepository protoSessions;

    @Inject
    PropertyRegistry properties;

    /**
     * Appends {@code hits} (in arrival order) and returns the receive time of the newest. Hits whose id is already
     * stored, from a message redelivered after a crash, are skipped.
     */
    public long append(List<Hit> hits) {
        long newest = 0;
        for (Hit hit : hits) {
            newest = Math.max(newest, hit.getReceivedAtMillis());
            if (protoSessions.containsHit(hit.getId())) {
                continue;
            }
            PropertySettings property = properties.byId(hit.getPropertyId());
            String isolatedId = Isolation.isolatedClientId(hit.getPropertyId(), hit.getAuthoritativeClientId());
            ProtoSession protoSession = protoSessions.find(isolatedId);
            if (protoSession == null) {
                protoSession = new ProtoSession(isolatedId, hit.getPropertyId());
                protoSessions.add(protoSession);
            }
            protoSession.recordHit(hit.getReceivedAtMillis(), property.sessionTimeout().toMillis());
            protoSessions.addHit(new ProtoSessionHit(hit.getId(), isolatedId, hit.getReceivedAtMillis(),
                    hit.getArrivalSeq(), HitCodec.encode(hit)));
        }
        return newest;
    }
}
