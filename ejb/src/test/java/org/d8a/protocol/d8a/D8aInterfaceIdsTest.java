package org.d8a.protocol.d8a;

import static org.d8a.columns.ColumnFields.UTF8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.d8a.columns.Column;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.event.DerivedEventColumn;
import org.junit.jupiter.api.Test;

/** Vector V33 (unit part): the d8a protocol wraps GA4 columns under renamed interface ids. */
class D8aInterfaceIdsTest {

    @Test
    void renamesTheColumnAndItsDependencies() {
        Column column = new DerivedEventColumn("ga4.example/col_a", ColumnFields.field("col_a", UTF8).describedAs("a"),
                List.of("ga4.example/col_b", "core.d8a.tech/events/name"), event -> "value");
        Column renamed = D8aInterfaceIds.rename(List.of(column)).get(0);
        assertEquals("d8a.example/col_a", renamed.interfaceId());
        assertEquals(List.of("d8a.example/col_b", "core.d8a.tech/events/name"), renamed.dependsOn());
        assertEquals(column.field(), renamed.field());
    }
}
