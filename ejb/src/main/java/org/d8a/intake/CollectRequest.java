package org.d8a.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One collect request as the HTTP layer read it, before any protocol logic.
 *
 * @param peerAddress the TCP peer's address
 * @param firstHeader the first value of a header by name, case-insensitive; {@code null} when absent
 * @param host the host the request was sent to
 * @param path the request path
 * @param method the HTTP method
 * @param rawQuery the URL's query string, undecoded; {@code null} when there is none
 * @param headers every header, multi-valued, under canonical names
 * @param body the body as text, {@code ""} when there is none
 */
public record CollectRequest(String peerAddress, Function<String, String> firstHeader, String host, String path,
        String method, String rawQuery, Map<String, List<String>> headers, String body) {
}
