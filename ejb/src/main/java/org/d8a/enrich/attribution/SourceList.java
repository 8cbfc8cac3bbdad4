package org.d8a.enrich.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One source list as a detector (spec §3.2, list-based matching), evaluated deterministically where the reference's
 * hash map was random (spec §3.5, fixed): an entry listing the referrer's host itself (or that host without
 * {@code www.}) beats one listing a parent domain, which beats a wildcard; among equals the entry written first wins.
 * Plain patterns are kept in a map from host to the first entry listing it, so a lookup costs one probe per label of
 * the referrer's host, whatever the size of the list; only the few wildcards are tried one by one.
 */
final class SourceList implements Detector {

    private record Wildcard(HostPattern pattern, int entry) {
    }

    private final List<KnownSource> entries;
    private final Map<String, Integer> entryByHost = new HashMap<>();
    private final List<Wildcard> wildcards = new ArrayList<>();

    SourceList(List<KnownSource> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            for (HostPattern pattern : this.entries.get(i).hosts()) {
                if (pattern.isPlain()) {
                    entryByHost.putIfAbsent(pattern.text(), i);
                } else {
                    wildcards.add(new Wildcard(pattern, i));
                }
            }
        }
    }

    @Override
    public Optional<TrafficSource> detect(LandingPage page, Referrer referrer) {
        return find(referrer).map(source -> source.of(referrer));
    }

    /** The entry that recognises the referrer's host, if any. */
    Optional<KnownSource> find(Referrer referrer) {
        String host = referrer.host();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int exact = Math.min(entryOf(host), entryOf(referrer.hostWithoutWww()));
        if (exact < Integer.MAX_VALUE) {
            return Optional.of(entries.get(exact));
        }
        int parent = Integer.MAX_VALUE;
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            parent = Math.min(parent, entryOf(host.substring(dot + 1)));
        }
        if (parent < Integer.MAX_VALUE) {
            return Optional.of(entries.get(parent));
        }
        for (Wildcard wildcard : wildcards) {
            if (wildcard.pattern().wildcardMatches(host)
                    || wildcard.pattern().wildcardMatches(referrer.hostWithoutWww())) {
                return Optional.of(entries.get(wildcard.entry()));
            }
        }
        return Optional.empty();
    }

    private int entryOf(String host) {
        return entryByHost.getOrDefault(host, Integer.MAX_VALUE);
    }
}
