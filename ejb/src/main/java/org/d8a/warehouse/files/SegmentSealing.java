package org.d8a.warehouse.files;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;

/** Seals every stream's active segment in a transaction of its own (the renames happen once it committed). */
@Stateless
public class SegmentSealing {

    @Inject
    FilesWarehouse warehouse;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sealAll() throws IOException {
        warehouse.segments().sealAll();
    }
}
