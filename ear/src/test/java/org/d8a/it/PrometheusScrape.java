package org.d8a.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scrape of {@code /metrics} on the management port, as Prometheus makes it: authenticated as a management user
 * (the interface asks for HTTP Digest, which {@link HttpURLConnection} answers and the JDK's HttpClient does not).
 */
final class PrometheusScrape {

    private static final int MANAGEMENT_PORT = 9990;

    private final Map<String, Double> samples;

    private PrometheusScrape(Map<String, Double> samples) {
        this.samples = samples;
    }

    static PrometheusScrape of(URI base) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + base.getHost() + ":"
                + MANAGEMENT_PORT + "/metrics").toURL().openConnection();
        connection.setAuthenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(AdminApi.MONITOR, AdminApi.password(AdminApi.MONITOR)
                        .toCharArray());
            }
        });
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("/metrics answered " + connection.getResponseCode());
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        try (InputStream in = connection.getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
        }
        return new PrometheusScrape(samples);
    }

    /** The sum of the series of {@code name} whose labels include each of {@code labels} ({@code key="value"}). */
    double sum(String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String series = sample.getKey();
            if (series.equals(name) || series.startsWith(name + "{")) {
                boolean matches = true;
                for (String label : labels) {
                    matches &= series.contains(label);
                }
                if (matches) {
                    sum += sample.getValue();
                }
            }
        }
        return sum;
    }

    boolean has(String name) {
        return samples.keySet().stream().anyMatch(series -> series.equals(name) || series.startsWith(name + "{"));
    }
}
