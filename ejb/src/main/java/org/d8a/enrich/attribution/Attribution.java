package org.d8a.enrich.attribution;

/** Attributes a session to its traffic source from its first event (spec §3). Thread-safe. */
public interface Attribution {

    /**
     * @param pageLocation the original {@code dl} of the first event (before excluded parameters are stripped), or
     *        {@code ""}
     * @param referrer the first event's {@code page_referrer}, or {@code ""}
     * @param ignoreReferrer the first event's {@code ignore_referrer}: when true the referrer is not looked at
     */
    TrafficSource attribute(String pageLocation, String referrer, boolean ignoreReferrer);
}
