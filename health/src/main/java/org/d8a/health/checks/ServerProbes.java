package org.d8a.health.checks;

import jakarta.ejb.Local;

/** The server's checks, run by the ejb module (org.d8a.health) for the MicroProfile Health checks of this package. */
@Local
public interface ServerProbes {

    /** Where the ejb module binds its implementation. */
    String LOOKUP = "java:app/d8a-ejb/ServerProbesBean!org.d8a.health.checks.ServerProbes";

    String TIMING_WHEEL = "d8a-timing-wheel";
    String DATABASE = "d8a-database";
    String HITS_QUEUE = "d8a-hits-queue";
    String WAREHOUSE = "d8a-warehouse";
    String SPOOL = "d8a-spool";

    /** Runs the check of that name (one of the constants). */
    Probe probe(String name);
}
