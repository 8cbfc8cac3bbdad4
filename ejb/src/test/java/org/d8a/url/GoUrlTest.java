package org.d8a.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go {@code net/url} behaviour the page columns depend on. */
class GoUrlTest {

    @Test
    void splitsHostPortAndDecodesPath() throws Exception {
        GoUrl url = GoUrl.parse("https://user:pw@Example.com:8443/a%20b/c?x=1#frag");
        assertEquals("Example.com", url.hostname());
        assertEquals("/a b/c", url.path());
        assertEquals(Map.of("x", List.of("1")), url.query());
        GoUrl v6 = GoUrl.parse("http://[2001:db8::1]:80/");
        assertEquals("2001:db8::1", v6.hostname());
        assertEquals("/", v6.path());
    }

    @Test
    void opaqueAndSchemelessUrlsHaveNoHost() throws Exception {
        GoUrl opaque = GoUrl.parse("ansdaksbfasbf9123123http:dadasdsakasd1337");
        assertEquals("", opaque.hostname());
        assertEquals("", opaque.path());
        GoUrl encoded = GoUrl.parse("https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Findex.html");
        assertEquals("", encoded.hostname());
        assertEquals("https://d8a-tech.github.io/analytics-playground/index.html", encoded.path());
        assertEquals("", GoUrl.parse("https://example.com").path());
        assertEquals("", GoUrl.parse("a:b/c:d").path(), "a scheme followed by no slash is an opaque URL");
    }

    @Test
    void rejectsWhatGoRejects() {
        for (String[] bad : new String[][] {
            {"http://[::1", "missing ']' in host"},
            {"http://example.com:80a/", "invalid port \":80a\" after host"},
            {"https://example.com/%zz", "invalid URL escape \"%zz\""},
            {"https://example.com/%", "invalid URL escape \"%\""},
            {":foo", "missing protocol scheme"},
            {"1ab:c", "first path segment in URL cannot contain colon"},
            {"http://exa mple.com/", "invalid character \" \" in host name"},
            {"http://example.com/\u0001", "net/url: invalid control character in URL"},
            {"http://a b@example.com/", "net/url: invalid userinfo"},
        }) {
            UrlSyntaxException error = assertThrows(UrlSyntaxException.class, () -> GoUrl.parse(bad[0]), bad[0]);
            assertEquals(bad[1], error.getMessage(), bad[0]);
        }
    }

    @Test
    void queryIsLenientAndReEncodingSortsKeys() throws Exception {
        GoUrl url = GoUrl.parse("https://example.com/p?b=2&a=%zz&c=x+y&d;=1&&e&b=1#top");
        Map<String, List<String>> query = url.query();
        assertEquals(Map.of("b", List.of("2", "1"), "c", List.of("x y"), "e", List.of("")), query);
        Map<String, List<String>> kept = new LinkedHashMap<>(query);
        kept.remove("e");
        assertEquals("https://example.com/p?b=2&b=1&c=x+y#top", url.withQuery(kept));
        assertEquals("https://example.com/p#top", url.withQuery(Map.of()));
        assertEquals("https://example.com/a%20b?k=%C3%A9", GoUrl.parse("https://example.com/a%20b?k=e")
                .withQuery(Map.of("k", List.of("é"))));
        assertTrue(GoUrl.parse("http://[::1]/x?q=1").withQuery(Map.of("q", List.of("2"))).equals(
                "http://[::1]/x?q=2"));
    }
}
