package org.d8a.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.d8a.config.YamlConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property settings from the configuration keys of spec/pipeline.md §7.2 and the per-property list (§7.4). */
class PropertySettingsReaderTest {

    private static PropertySettingsReader reader(Path directory, String yaml) throws Exception {
        Path file = Files.writeString(directory.resolve("d8a.yaml"), yaml);
        Map<String, String> properties = new YamlConfigSource(file).getProperties();
        return new PropertySettingsReader(properties.keySet(), key -> Optional.ofNullable(properties.get(key)));
    }

    @Test
    void defaultsAreTheReferences(@TempDir Path directory) throws Exception {
        PropertySettings property = reader(directory, "{}\n").defaultProperty();
        assertEquals("default", property.id());
        assertEquals("Default property", property.name());
        assertEquals("ga4", property.protocol());
        assertEquals(Duration.ofMinutes(30), property.sessionTimeout());
        assertEquals(0, property.ipMaskingLevel());
        assertEquals(JoinRules.DEFAULTS, property.join());
        assertEquals(org.d8a.properties.SplitRules.DEFAULTS, property.split());
        assertEquals(PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS, property.excludedUrlParams());
        assertTrue(property.filter().isEmpty());
    }

    @Test
    void listedPropertiesOverrideTheDefaultsTheyName(@TempDir Path directory) throws Exception {
        PropertySettingsReader reader = reader(directory, """
                sessions:
                  timeout: 10m
                property:
                  api_secrets: [default-secret]
                  firebase_app_id: "1:42:ios:default"
                  settings:
                    split_by_max_events: 50
                filters:
                  conditions:
                    - name: office
                      type: exclude
                      expression: "startsWith(ip_address, '10.')"
                properties:
                  - id: shop
                    name: Shop
                    measurement_id: G-SHOP
                    firebase_app_id: "1:42:android:abc"
                    api_secrets: [new-secret, old-secret]
                    protocol: d8a
                    sessions:
                      join_by_user_id: false
                    settings:
                      ip_masking_level: 1
                      split_by_campaign: false
                      excluded_url_params: [ref]
                  - id: blog
                """);
        PropertySettings shop = reader.listedProperties().get(0);
        assertEquals("shop", shop.id());
        assertEquals("Shop", shop.name());
        assertEquals("G-SHOP", shop.measurementId());
        assertEquals("d8a", shop.protocol());
        assertEquals(Duration.ofMinutes(10), shop.sessionTimeout(), "inherited");
        assertEquals(new JoinRules(true, false), shop.join());
        assertEquals(1, shop.ipMaskingLevel());
        assertEquals(50, shop.split().maxEvents(), "inherited");
        assertEquals(false, shop.split().onCampaignChange());
        assertEquals(List.of("ref"), shop.excludedUrlParams());
        assertEquals(false, shop.filter().isEmpty(), "inherited filter");
        assertEquals(50, reader.defaultProperty().split().maxEvents());
        assertEquals("1:42:android:abc", shop.firebaseAppId());
        assertEquals(List.of("new-secret", "old-secret"), shop.apiSecrets());
        assertEquals(true, shop.acceptsApiSecret("old-secret"), "a rotated-out secret works until removed");
        assertEquals(false, shop.acceptsApiSecret("default-secret"), "a property's own list replaces the default's");
        assertEquals(List.of("default-secret"), reader.defaultProperty().apiSecrets());
        assertEquals("1:42:ios:default", reader.defaultProperty().firebaseAppId());
        PropertySettings blog = reader.listedProperties().get(1);
        assertEquals("-", blog.firebaseAppId(), "an app stream id is never inherited");
        assertEquals(List.of("default-secret"), blog.apiSecrets(), "secrets are inherited like other settings");
    }

    @Test
    void invalidSettingsAreRejected(@TempDir Path directory) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> reader(directory,
                "property:\n  settings:\n    ip_masking_level: 4\n").defaultProperty());
        PropertySettings allowed = reader(directory, "property:\n  settings:\n    ip_masking_level: 4\n"
                + "sessions:\n  join_by_session_stamp: false\n").defaultProperty();
        assertEquals(4, allowed.ipMaskingLevel());
        assertThrows(IllegalArgumentException.class, () -> reader(directory,
                "filters:\n  conditions:\n    - name: bad\n      type: drop\n      expression: 'true'\n")
                .defaultProperty());
    }

    @Test
    void anInvalidJsonConditionIsSkippedAloneAndAppendedAfterTheFilesOnes(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("d8a.yaml"), """
                filters:
                  conditions:
                    - name: from_file
                      type: exclude
                      expression: "startsWith(ip_address, '10.')"
                """);
        Map<String, String> properties = new java.util.HashMap<>(new YamlConfigSource(file).getProperties());
        // FILTERS_CONDITIONS: the second entry is not valid JSON, the third is not an object.
        properties.put("filters.conditions", "[{\"name\": \"office\", \"type\": \"exclude\", \"expression\": "
                + "\"ip_address == '1.2.3.4'\"}, {\"name\": \"broken\", \"type\": }, 42, "
                + "{\"name\": \"staff, tagged\", \"type\": \"allow\", \"test_mode\": true, "
                + "\"expression\": \"inCidr(ip_address, '10.0.0.0/8')\"}]");
        PropertySettingsReader reader = new PropertySettingsReader(properties.keySet(),
                key -> Optional.ofNullable(properties.get(key)));
        List<org.d8a.properties.FilterCondition> conditions = reader.defaultProperty().filter().conditions();
        assertEquals(List.of("from_file", "office", "staff, tagged"),
                conditions.stream().map(org.d8a.properties.FilterCondition::name).toList());
        assertEquals(new org.d8a.properties.FilterCondition("staff, tagged", false, true,
                "inCidr(ip_address, '10.0.0.0/8')"), conditions.get(2));
    }

    @Test
    void aSingleJsonConditionObjectIsAnEntryToo() {
        Map<String, String> properties = Map.of("filters.conditions",
                "{\"name\": \"one\", \"type\": \"exclude\", \"expression\": \"true\"}");
        PropertySettingsReader reader = new PropertySettingsReader(properties.keySet(),
                key -> Optional.ofNullable(properties.get(key)));
        assertEquals(List.of(new org.d8a.properties.FilterCondition("one", true, false, "true")),
                reader.defaultProperty().filter().conditions());
    }
}
