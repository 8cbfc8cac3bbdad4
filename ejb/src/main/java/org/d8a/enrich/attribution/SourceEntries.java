package org.d8a.enrich.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the entries of a source list, {@code {source, hosts, params}} mappings, into {@link KnownSource}s; the
 * built-in files and the {@code attribution.sources} configuration share the format, the configuration adding each
 * entry's {@code medium}. An invalid entry is refused with a message naming it and saying what to fix, so that a bad
 * list stops the deployment instead of silently attributing nothing.
 */
final class SourceEntries {

    private static final Set<String> FIELDS = Set.of("source", "hosts", "params");
    private static final Set<String> CONFIGURED_FIELDS = Set.of("source", "medium", "hosts", "params");

    private SourceEntries() {
    }

    /** The entries of a built-in list of {@code medium}, named {@code list} in messages. */
    static List<KnownSource> ofList(List<?> entries, String list, Medium medium) {
        List<KnownSource> sources = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = list + "[" + i + "]";
            Map<?, ?> entry = mapping(entries.get(i), where);
            checkFields(entry, FIELDS, where);
            sources.add(source(entry, medium, where));
        }
        return sources;
    }

    /** Configured entries, each naming its medium, named {@code key} in messages. */
    static List<KnownSource> configured(List<Map<String, Object>> entries, String key) {
        List<KnownSource> sources = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = key + "[" + i + "]";
            Map<String, Object> entry = entries.get(i);
            checkFields(entry, CONFIGURED_FIELDS, where);
            String label = text(entry.get("medium"), where + ".medium");
            Medium medium = Medium.ofLabel(label).orElseThrow(() -> new IllegalStateException(where + ".medium \""
                    + label + "\" is not one of " + Arrays.stream(Medium.values()).map(Medium::label).toList()));
            sources.add(source(entry, medium, where));
        }
        return sources;
    }

    private static KnownSource source(Map<?, ?> entry, Medium medium, String where) {
        String name = text(entry.get("source"), where + ".source");
        List<String> hostTexts = texts(entry.get("hosts"), where + ".hosts");
        if (hostTexts.isEmpty()) {
            throw new IllegalStateException(where + ".hosts is required: the hosts that " + name + " is known by");
        }
        List<HostPattern> hosts = new ArrayList<>();
        for (String host : hostTexts) {
            try {
                hosts.add(HostPattern.parse(host));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ".hosts: " + e.getMessage(), e);
            }
        }
        List<String> params = texts(entry.get("params"), where + ".params");
        if (!params.isEmpty() && medium != Medium.ORGANIC) {
            throw new IllegalStateException(where + ".params: only search engines (medium organic) have a search"
                    + " term, " + name + " is " + medium.label());
        }
        return new KnownSource(name, medium, hosts, params);
    }

    private static void checkFields(Map<?, ?> entry, Set<String> allowed, String where) {
        Set<String> unknown = new TreeSet<>();
        entry.keySet().forEach(field -> unknown.add(String.valueOf(field)));
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(where + " has unknown fields " + unknown + "; the fields are "
                    + new TreeSet<>(allowed));
        }
    }

    private static Map<?, ?> mapping(Object entry, String where) {
        if (entry instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalStateException(where + " must be a mapping of source, hosts and params, got " + entry);
    }

    private static String text(Object value, String where) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalStateException(where + " is required and must be text, got " + value);
        }
        return text.trim();
    }

    /** A list, or the comma-separated text that a YAML list of the configuration file becomes. */
    private static List<String> texts(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            for (Object item : list) {
                texts.add(text(item, where));
            }
            return texts;
        }
        throw new IllegalStateException(where + " must be a list of text, got " + value);
    }
}
