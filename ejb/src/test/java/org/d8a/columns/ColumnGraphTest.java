package org.d8a.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.d8a.columns.event.DerivedEventColumn;
import org.d8a.columns.event.CoreEventColumns;
import org.d8a.columns.session.CoreSessionColumns;
import org.junit.jupiter.api.Test;

class ColumnGraphTest {

    private static Column column(String id, String... dependsOn) {
        return new DerivedEventColumn(id, ColumnFields.field(id, ColumnFields.UTF8).describedAs(id), List.of(dependsOn),
                event -> null);
    }

    private static List<String> ids(List<Column> columns) {
        return columns.stream().map(Column::interfaceId).toList();
    }

    @Test
    void freeColumnsComeFirstSortedThenDependentsInTheOrderTheyAreFreed() {
        List<Column> sorted = ColumnGraph.sort(List.of(column("d", "b"), column("c"), column("b", "a"),
                column("a"), column("e", "a")));
        assertEquals(List.of("a", "c", "b", "e", "d"), ids(sorted));
    }

    @Test
    void unorderableSetsAreRejectedWithTheInterfacesNamed() {
        assertEquals("duplicate column interface a", assertThrows(ColumnDefinitionException.class,
                () -> ColumnGraph.sort(List.of(column("a"), column("a")))).getMessage());
        assertEquals("column interface a depends on itself", assertThrows(ColumnDefinitionException.class,
                () -> ColumnGraph.sort(List.of(column("a", "a")))).getMessage());
        assertEquals("column interface a depends on x, which no column implements (missing dependency)",
                assertThrows(ColumnDefinitionException.class,
                        () -> ColumnGraph.sort(List.of(column("a", "x")))).getMessage());
        assertEquals("column dependency cycle: a -> b -> c -> a", assertThrows(ColumnDefinitionException.class,
                () -> ColumnGraph.sort(List.of(column("a", "b"), column("b", "c"), column("c", "a"), column("z"))))
                .getMessage());
    }

    private static List<Column> concat(List<? extends Column> a, List<? extends Column> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).map(Column.class::cast).toList();
    }
}
