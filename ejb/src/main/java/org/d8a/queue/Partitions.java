package org.d8a.queue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.d8a.hits.Hit;
import org.d8a.hits.Isolation;

/**
 * The partition function of the hits queue (architecture decision 2): every hit of one isolated client goes to one
 * message group, {@code p<N>} with N = the first 32 bits of the isolated client id modulo {@code queue.partitions}.
 * Every publisher (receiver, eviction, replay) and the proto-session store take the partition from here.
 */
@ApplicationScoped
public class Partitions {

    @Inject
    QueueSettings settings;

    private int count;

    public Partitions() {
    }

    /** Partitions over {@code count} groups; for code that runs outside the container. */
    public Partitions(int count) {
        this.count = count;
    }

    @PostConstruct
    void read() {
        count = settings.partitions();
    }

    /** The message group of the client the hit is appended to (its authoritative client id). */
    public String of(Hit hit) {
        return of(hit.getPropertyId(), hit.getAuthoritativeClientId());
    }

    /** The message group of a client of a property. */
    public String of(String propertyId, String authoritativeClientId) {
        return group(Isolation.isolatedClientId(propertyId, authoritativeClientId), count);
    }

    /** The number of the message group of an isolated client: 0 to {@code queue.partitions - 1}. */
    public int index(String isolatedClientId) {
        return index(isolatedClientId, count);
    }

    /** Message group of an isolated client: {@code p<N>} with N in {@code [0, partitions)}. */
    public static String group(String isolatedClientId, int partitions) {
        return "p" + index(isolatedClientId, partitions);
    }

    /** The number of {@link #group}: 0 to {@code partitions - 1}. */
    public static int index(String isolatedClientId, int partitions) {
        long prefix = Long.parseLong(isolatedClientId.substring(0, 8), 16);
        return (int) Math.floorMod(prefix, (long) partitions);
    }
}
