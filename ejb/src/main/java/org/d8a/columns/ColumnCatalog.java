package org.d8a.columns;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.d8a.columns.event.CoreEventColumns;
import org.d8a.columns.session.CoreSessionColumns;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;

/**
 * The column set of each property. Built once at deployment, so a column set that cannot be ordered stops the
 * deployment with a message naming the offending interfaces.
 */
@ApplicationScoped
public class ColumnCatalog {

    @Inject
    PropertyRegistry properties;

    private ColumnSet defaultColumns;

    @PostConstruct
    void build() {
        defaultColumns = columnsFor(properties.byId(null));
    }

    /** The columns written for {@code property}'s events. */
    public ColumnSet forProperty(String propertyId) {
        return defaultColumns;
    }

    /** Assembles and orders the columns of one property; usable without the container. */
    public static ColumnSet columnsFor(PropertySettings property) {
        List<Column> columns = new ArrayList<>();
        columns.addAll(CoreEventColumns.all());
        columns.addAll(CoreSessionColumns.all());
        return new ColumnSet(columns, CoreInterfaces.ORDER);
    }
}
