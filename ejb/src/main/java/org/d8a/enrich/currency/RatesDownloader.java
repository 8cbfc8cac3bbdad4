package org.d8a.enrich.currency;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Downloads a snapshot the reference's way (spec §5): for each base, {@code GET} its JSON from the source, or from the
 * fallback when the source fails; the rates are the object under the key of the base, and each of them must be a
 * number. Every base must succeed, or there is no snapshot at all.
 */
final class RatesDownloader {

    /** Where a URL template takes the base currency, in lower case. */
    static final String BASE = "{base}";

    /** The bases the reference downloads; any other currency converts through them. */
    static final List<String> BASES = List.of("usd", "eur", "gbp", "jpy", "cad", "chf", "cny");

    /** The reference's timeout for one request. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final JsonProvider JSON = JsonProvider.provider();

    private final HttpClient client;
    private final List<String> templates;
    private final List<String> bases;

    /**
     * @param templates the URL templates tried in order for each base, each with {@link #BASE}
     */
    RatesDownloader(List<String> templates, List<String> bases) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.templates = List.copyOf(templates);
        this.bases = List.copyOf(bases);
    }

    /** The rates of every base, as a snapshot created {@code now}. */
    RatesSnapshot download(Instant now) throws RatesDownloadException, InterruptedException {
        Map<String, Map<String, Double>> rates = new TreeMap<>();
        for (String base : bases) {
            rates.put(RatesSnapshot.code(base), ratesOf(RatesSnapshot.code(base)));
        }
        return new RatesSnapshot(now, rates);
    }

    private Map<String, Double> ratesOf(String base) throws RatesDownloadException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (String template : templates) {
            URI uri = URI.create(template.replace(BASE, base));
            try {
                return parse(base, fetch(uri));
            } catch (IOException | RatesDownloadException | IllegalArgumentException e) {
                failures.add(uri.getHost() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
        }
        throw new RatesDownloadException("no rates for " + base + " (" + String.join("; ", failures) + ")");
    }

    private String fetch(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new IOException("status " + response.statusCode());
        }
        return response.body();
    }

    /** The rates under the key {@code base}; other keys of the answer (such as {@code date}) are ignored. */
    private static Map<String, Double> parse(String base, String body) throws RatesDownloadException {
        JsonObject answer;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            answer = reader.readObject();
        } catch (JsonException e) {
            throw new RatesDownloadException("not a JSON object");
        }
        JsonValue quotes = answer.get(base);
        if (quotes == null || quotes.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new RatesDownloadException("no object under \"" + base + "\"");
        }
        Map<String, Double> rates = new TreeMap<>();
        for (Map.Entry<String, JsonValue> quote : quotes.asJsonObject().entrySet()) {
            if (!(quote.getValue() instanceof JsonNumber number)) {
                throw new RatesDownloadException("the rate of " + quote.getKey() + " is not a number");
            }
            rates.put(quote.getKey(), number.doubleValue());
        }
        if (rates.isEmpty()) {
            throw new RatesDownloadException("no rates under \"" + base + "\"");
        }
        return rates;
    }
}
