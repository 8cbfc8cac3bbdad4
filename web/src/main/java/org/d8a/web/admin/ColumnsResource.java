package org.d8a.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.catalog.ColumnDescription;

/**
 * {@code GET /properties/{propertyId}/columns}: the columns written for a property, in table order, with type,
 * nullability, scope, interface id and description, as JSON. Data teams read it to build their models.
 */
@Path("/properties/{propertyId}/columns")
public class ColumnsResource {

    @Inject
    ColumnCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ColumnDescription> columns(@PathParam("propertyId") String propertyId) {
        return catalog.describe(propertyId).orElseThrow(() -> new NotFoundException("no property " + propertyId));
    }
}
