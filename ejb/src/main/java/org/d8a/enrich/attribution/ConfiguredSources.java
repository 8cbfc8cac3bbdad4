package org.d8a.enrich.attribution;

import java.util.List;
import org.d8a.config.ConfigEntries;
import org.d8a.config.ConfigReader;

/**
 * The sources added by configuration: the list {@code attribution.sources} (ours) of {@code {source, medium, hosts,
 * params}} entries, from the YAML file (indexed keys {@code attribution.sources[0].source}) followed by the JSON array
 * of {@code ATTRIBUTION_SOURCES}, as the other lists of objects are read.
 */
final class ConfiguredSources {

    static final String KEY = "attribution.sources";

    private ConfiguredSources() {
    }

    static List<KnownSource> from(ConfigReader config) {
        return SourceEntries.configured(ConfigEntries.read(KEY, config.propertyNames(), config::value), KEY);
    }
}
