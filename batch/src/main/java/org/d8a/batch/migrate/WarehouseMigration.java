package org.d8a.batch.migrate;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;
import org.d8a.warehouse.routing.WarehouseMigrations;

/** The migrate job's step: every property's warehouse table created or extended to its columns. */
@Named
@Dependent
public class WarehouseMigration extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(WarehouseMigration.class.getName());

    @EJB
    WarehouseMigrations migrations;

    @Override
    public String process() throws Exception {
        List<String> migrated = migrations.migrateAll();
        LOG.info(() -> "warehouse tables up to date for properties " + migrated);
        return "MIGRATED_" + migrated.size();
    }
}
