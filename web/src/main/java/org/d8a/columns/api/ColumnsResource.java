package org.d8a.columns.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.d8a.columns.ColumnCatalog;
import org.d8a.columns.reference.ColumnDescription;
import org.d8a.columns.reference.ColumnReference;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;

/**
 * {@code GET /properties/{propertyId}/columns}: the columns written for a property, in table order, with type,
 * nullability, scope, interface id and description, as JSON. Data teams read it to build their models.
 */
@Path("/properties/{propertyId}/columns")
public class ColumnsResource {

    @Inject
    PropertyRegistry properties;

    @Inject
    ColumnCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ColumnDescription> columns(@PathParam("propertyId") String propertyId) {
        PropertySettings property = properties.byId(propertyId);
        if (property == null || !property.id().equals(propertyId)) {
            throw new NotFoundException("no property " + propertyId);
        }
        return ColumnReference.describe(catalog.forProperty(propertyId));
    }
}
