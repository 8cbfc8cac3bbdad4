package org.d8a.warehouse.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Committed lengths of warehouse files; joins the caller's transaction. */
@ApplicationScoped
public class CommittedFileRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    /** The record for {@code path}, created with length 0 when the file is new to the warehouse. */
    public CommittedFile forPath(String path) {
        CommittedFile file = em.find(CommittedFile.class, path);
        if (file == null) {
            file = new CommittedFile(path, 0L);
            em.persist(file);
        }
        return file;
    }
}
