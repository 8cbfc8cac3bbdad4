package org.d8a.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesPairsKeepingEveryValueInOrder() throws Exception {
        Map<String, List<String>> values = QueryString.parseStrict("en=page_view&dt=Food%20Shop&x=a+b&x=2&flag&&");
        assertEquals(List.of("page_view"), values.get("en"));
        assertEquals(List.of("Food Shop"), values.get("dt"));
        assertEquals(List.of("a b", "2"), values.get("x"));
        assertEquals(List.of(""), values.get("flag"));
        assertEquals(List.of("en", "dt", "x", "flag"), List.copyOf(values.keySet()));
    }

    @Test
    void rejectsWhatGoRejects() {
        assertEquals("invalid URL escape \"%zz\"",
                assertThrows(MalformedQueryException.class, () -> QueryString.parseStrict("dl=%zz")).getMessage());
        assertThrows(MalformedQueryException.class, () -> QueryString.parseStrict("dl=abc%"));
        assertEquals("invalid semicolon separator in query",
                assertThrows(MalformedQueryException.class, () -> QueryString.parseStrict("a=1;b=2")).getMessage());
    }

    @Test
    void urlQueryIsParsedLeniently() {
        Map<String, List<String>> values = QueryString.parseLenient("cid=1&dl=%zz&dt=T%C3%A9");
        assertEquals(List.of("%zz"), values.get("dl"));
        assertEquals(List.of("Té"), values.get("dt"));
        assertEquals(Map.of(), QueryString.parseLenient(null));
    }
}
