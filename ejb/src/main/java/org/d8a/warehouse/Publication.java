package org.d8a.warehouse;

/** What became of a staged write when it was published ({@link WarehouseDriver#publish}). */
public enum Publication {
    /** Its rows are visible, published now or by an earlier attempt. */
    PUBLISHED,
    /**
     * The warehouse no longer holds it and never made it visible (it expired, or its table was dropped): its rows must
     * be written again.
     */
    GONE
}
