package org.d8a.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void readsGoSyntax() {
        assertEquals(Duration.ofMinutes(30), GoDuration.parse("30m"));
        assertEquals(Duration.ofSeconds(10), GoDuration.parse("10s"));
        assertEquals(Duration.ofMillis(500), GoDuration.parse("500ms"));
        assertEquals(Duration.ofMinutes(90), GoDuration.parse("1h30m"));
        assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
        assertEquals(Duration.ZERO, GoDuration.parse("0"));
    }

    @Test
    void rejectsOtherSyntaxNamingTheValue() {
        assertEquals("invalid duration \"10\" (expected Go syntax such as 30m, 10s, 500ms)",
                assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("PT10S"));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10s junk"));
    }

    @Test
    void yamlNestingBecomesDottedKeys() {
        Map<String, Object> warehouse = new LinkedHashMap<>();
        warehouse.put("driver", "files");
        warehouse.put("files", Map.of("filesystem", Map.of("path", "/data")));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sessions", Map.of("timeout", "10s"));
        root.put("warehouse", warehouse);
        root.put("server", Map.of("trusted_proxies", List.of("10.0.0.0/8", "::1")));
        Map<String, String> flat = new LinkedHashMap<>();
        YamlConfigSource.flatten("", root, flat);
        assertEquals(Map.of("sessions.timeout", "10s", "warehouse.driver", "files",
                "warehouse.files.filesystem.path", "/data", "server.trusted_proxies", "10.0.0.0/8,::1"), flat);
    }
}
