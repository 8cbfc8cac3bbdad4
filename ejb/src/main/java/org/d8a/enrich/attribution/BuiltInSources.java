package org.d8a.enrich.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Our source lists, one YAML resource per medium next to this class (a list of {@code {source, hosts, params}}
 * entries, in the order they are tried). A file that is missing or invalid is a packaging error: it stops the
 * deployment naming the file and the entry.
 */
final class BuiltInSources {

    private BuiltInSources() {
    }

    static Map<Medium, List<KnownSource>> load() {
        Map<Medium, List<KnownSource>> lists = new EnumMap<>(Medium.class);
        for (Medium medium : Medium.values()) {
            lists.put(medium, SourceEntries.ofList(read(medium.file()), medium.file(), medium));
        }
        return lists;
    }

    /** The entries of one file as YAML values. */
    static List<?> read(String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (InputStream in = BuiltInSources.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("source list " + file + " is missing from the deployment");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                if (new Yaml(new SafeConstructor(options)).load(reader) instanceof List<?> entries) {
                    return entries;
                }
                throw new IllegalStateException("source list " + file + " must be a YAML list of entries");
            }
        } catch (IOException | YAMLException e) {
            throw new IllegalStateException("cannot read source list " + file + ": " + e.getMessage(), e);
        }
    }
}
