package org.d8a.enrich.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Compares device detectors with Matomo DeviceDetector's answers (corpus.jsonl, from matomo-expected.js), field by
 * field, and prints a Markdown table, the cost of building each detector and its time per request. In the package of
 * the detectors, so that it measures the classes the application runs. Run by device-agreement.sh.
 */
public final class DeviceAgreement {

    private static final String[] FIELDS = {"category", "brand", "model", "os", "os version", "browser",
            "browser version"};

    private static final String[] HEADERS = {"User-Agent", "Sec-CH-UA", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform",
            "Sec-CH-UA-Platform-Version", "Sec-CH-UA-Model", "Sec-CH-UA-Full-Version-List"};

    record Case(DeviceHeaders headers, String[] expected) {
    }

    public static void main(String[] args) throws IOException {
        List<Case> corpus = read(Path.of(args[0]));
        long withHints = corpus.stream().filter(c -> !c.headers().secChUaPlatform().isEmpty()
                || !c.headers().secChUaModel().isEmpty() || !c.headers().secChUaFullVersionList().isEmpty()).count();
        System.out.printf("corpus: %d distinct requests (%d with client hints), %d bots by Matomo%n%n",
                corpus.size(), withHints, corpus.stream().filter(c -> "bot".equals(c.expected()[0])).count());
        Map<String, Supplier<Function<DeviceHeaders, Device>>> candidates = new LinkedHashMap<>();
        candidates.put("mngsk 1.0.10, User-Agent only", () -> {
            MatomoUserAgentParser parser = new MatomoUserAgentParser();
            return headers -> parser.parse(headers.userAgent());
        });
        candidates.put("mngsk 1.0.10 + client hints (dd2 provider)", () -> {
            HintedDeviceDetector detector = new HintedDeviceDetector(new MatomoUserAgentParser());
            return detector::detect;
        });
        candidates.put("YAUAA 8.1.1 + client hints, mapped", () -> {
            UserAgentAnalyzer analyzer = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withCache(0)
                    .immediateInitialization().build();
            return headers -> YauaaMapping.device(analyzer.parse(YauaaMapping.headers(headers, HEADERS)));
        });
        StringBuilder table = new StringBuilder("| candidate | " + String.join(" | ", FIELDS)
                + " | all seven |\n|---|" + "---|".repeat(FIELDS.length + 1) + "\n");
        for (Map.Entry<String, Supplier<Function<DeviceHeaders, Device>>> candidate : candidates.entrySet()) {
            System.gc();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            Function<DeviceHeaders, Device> detector = candidate.getValue().get();
            long buildMillis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            long heapMegabytes = (usedHeap() - heapBefore) / (1024 * 1024);
            int[] agreeing = new int[FIELDS.length + 1];
            start = System.nanoTime();
            for (Case c : corpus) {
                String[] actual = values(detector.apply(c.headers()));
                boolean all = true;
                for (int field = 0; field < FIELDS.length; field++) {
                    boolean same = java.util.Objects.equals(actual[field], c.expected()[field]);
                    agreeing[field] += same ? 1 : 0;
                    all &= same;
                }
                agreeing[FIELDS.length] += all ? 1 : 0;
            }
            double millisPerRequest = (System.nanoTime() - start) / 1e6 / corpus.size();
            table.append("| ").append(candidate.getKey());
            for (int count : agreeing) {
                table.append(String.format(Locale.ROOT, " | %.1f %%", 100.0 * count / corpus.size()));
            }
            table.append(" |\n");
            System.out.printf(Locale.ROOT, "%s: built in %d ms, %d MB of heap retained, %.2f ms per request "
                    + "(one pass, uncached)%n", candidate.getKey(), buildMillis, heapMegabytes, millisPerRequest);
            detector = null;
        }
        System.out.println();
        System.out.print(table);
    }

    private static List<Case> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = json.readTree(line);
            String[] headers = new String[HEADERS.length];
            String[] expected = new String[FIELDS.length];
            for (int i = 0; i < HEADERS.length; i++) {
                headers[i] = node.get("headers").get(i).asText();
            }
            for (int i = 0; i < FIELDS.length; i++) {
                JsonNode value = node.get("expected").get(i);
                expected[i] = value.isNull() ? null : value.asText();
            }
            cases.add(new Case(new DeviceHeaders(headers[0], headers[1], headers[2], headers[3], headers[4],
                    headers[5], headers[6]), expected));
        }
        return cases;
    }

    private static String[] values(Device device) {
        return new String[] {device.category(), device.brand(), device.model(), device.operatingSystem(),
                device.operatingSystemVersion(), device.browser(), device.browserVersion()};
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * YAUAA's fields in Matomo's names: the mapping a YAUAA-based provider would need. Only the common names; where
     * Matomo's name depends on its own rules (device models such as SM-G991B being "Galaxy S21 5G") there is none.
     */
    static final class YauaaMapping {

        private static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("Desktop", "desktop"),
                Map.entry("Phone", "smartphone"), Map.entry("Mobile", "smartphone"), Map.entry("Tablet", "tablet"),
                Map.entry("Phablet", "phablet"), Map.entry("Watch", "wearable"),
                Map.entry("Virtual Reality", "wearable"), Map.entry("TV", "tv"), Map.entry("Set-top box", "tv"),
                Map.entry("Game Console", "console"), Map.entry("Handheld Game Console", "console"),
                Map.entry("Car", "car browser"), Map.entry("eReader", "tablet"), Map.entry("Camera", "camera"),
                Map.entry("Robot", "bot"), Map.entry("Robot Mobile", "bot"), Map.entry("Robot Imitator", "bot"),
                Map.entry("Cloud", "bot"), Map.entry("Spy", "bot"));

        private static final Map<String, String> OPERATING_SYSTEMS = Map.of("Windows NT", "Windows", "Mac OS",
                "Mac", "Linux", "GNU/Linux", "Chrome OS", "Chrome OS", "Windows Phone", "Windows Phone");

        private static final Map<String, String> BROWSERS = Map.of("Edge", "Microsoft Edge", "Samsung Internet",
                "Samsung Browser", "Internet Explorer", "Internet Explorer", "Yandex Browser", "Yandex Browser");

        static Map<String, String> headers(DeviceHeaders headers, String[] names) {
            String[] values = {headers.userAgent(), headers.secChUa(), headers.secChUaMobile(),
                    headers.secChUaPlatform(), headers.secChUaPlatformVersion(), headers.secChUaModel(),
                    headers.secChUaFullVersionList()};
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (!values[i].isEmpty()) {
                    map.put(names[i], values[i]);
                }
            }
            return map;
        }

        static Device device(UserAgent agent) {
            String category = CATEGORIES.get(agent.getValue("DeviceClass"));
            if ("bot".equals(category)) {
                return new Device(category, known(agent.getValue("AgentName")),
                        known(agent.getValue("AgentInformationUrl")), null, null, null, null);
            }
            String brand = known(agent.getValue("DeviceBrand"));
            String model = known(agent.getValue("DeviceName"));
            if (model != null && brand != null && model.startsWith(brand + " ")) {
                model = model.substring(brand.length() + 1);
            }
            if (model != null && (model.endsWith("Desktop") || model.equals(brand))) {
                model = null;
            }
            String os = known(agent.getValue("OperatingSystemName"));
            String osVersion = known(agent.getValue("OperatingSystemVersion"));
            if (osVersion != null) {
                osVersion = osVersion.replace(">=", "");
                if ("Windows NT".equals(os) && osVersion.endsWith(".0")) {
                    osVersion = osVersion.substring(0, osVersion.length() - 2);
                }
            }
            String browser = known(agent.getValue("AgentName"));
            if (browser != null) {
                browser = browser(browser, os);
            }
            return new Device(category, brand, model, os == null ? null : OPERATING_SYSTEMS.getOrDefault(os, os),
                    osVersion, browser, known(agent.getValue("AgentVersion")));
        }

        /** Matomo names mobile builds of a browser apart: Safari on iOS is Mobile Safari. */
        private static String browser(String name, String os) {
            boolean android = "Android".equals(os);
            boolean ios = "iOS".equals(os) || "iPadOS".equals(os);
            if (name.equals("Safari") && ios) {
                return "Mobile Safari";
            }
            if (name.equals("Chrome") && (android || ios)) {
                return android ? "Chrome Mobile" : "Chrome Mobile iOS";
            }
            if (name.equals("Firefox") && (android || ios)) {
                return android ? "Firefox Mobile" : "Firefox Mobile iOS";
            }
            if (name.equals("Opera") && android) {
                return "Opera Mobile";
            }
            return BROWSERS.getOrDefault(name, name);
        }

        private static String known(String value) {
            if (value == null || value.isBlank() || value.startsWith("Unknown") || value.contains("??")) {
                return null;
            }
            return value;
        }
    }
}
