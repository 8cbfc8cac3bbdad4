package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.d8a.warehouse.clickhouse.NestedTypeParser.Member;
import org.d8a.warehouse.clickhouse.NestedTypeTokenizer.Kind;
import org.d8a.warehouse.clickhouse.NestedTypeTokenizer.Token;
import org.junit.jupiter.api.Test;

/** Vector 13 of spec/warehouses.md §7. */
class NestedTypeParserTest {

    @Test
    void membersWithParenthesisedTypes() {
        assertEquals(Optional.of(List.of(new Member("id", "UInt64"), new Member("data", "Array(String)"),
                new Member("score", "Float64"))),
                NestedTypeParser.parse("Nested(id UInt64, data Array(String), score Float64)"));
    }

    @Test
    void emptyNested() {
        assertEquals(Optional.of(List.of()), NestedTypeParser.parse("Nested()"));
    }

    @Test
    void notNested() {
        assertEquals(Optional.empty(), NestedTypeParser.parse("String"));
    }

    @Test
    void anUnexpectedCharacterIsATokenizeError() {
        assertThrows(IllegalArgumentException.class, () -> NestedTypeTokenizer.tokenize("field1 String@"));
        assertEquals(Optional.of(List.of()), NestedTypeParser.parse("Nested(t DateTime64(3, 'UTC'))"));
    }

    @Test
    void tokenPositions() {
        assertEquals(List.of(new Token(Kind.IDENTIFIER, "field1", 0), new Token(Kind.IDENTIFIER, "String", 7),
                new Token(Kind.COMMA, ",", 13), new Token(Kind.IDENTIFIER, "field2", 15),
                new Token(Kind.IDENTIFIER, "Int32", 22)),
                NestedTypeTokenizer.tokenize("field1 String, field2 Int32"));
    }

    @Test
    void typeTextIsRebuiltWithASpaceAfterCommas() {
        assertEquals(Optional.of(List.of(new Member("t", "Tuple(String, Int32)"), new Member("n", "String"))),
                NestedTypeParser.parse("Nested(t Tuple(String,Int32),\n\tn String)"));
    }

    @Test
    void quotedNamesKeepDoubledBackticks() {
        assertEquals(Optional.of(List.of(new Member("we`ird name", "String"))),
                NestedTypeParser.parse("Nested(`we``ird name` String)"));
    }

    @Test
    void parsingStopsAtTheFirstTokenThatDoesNotFit() {
        assertEquals(Optional.of(List.of(new Member("a", "String"))),
                NestedTypeParser.parse("Nested(a String, (b Int32))"));
    }
}
