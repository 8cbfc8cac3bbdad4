package org.d8a.protocol.d8a;

import org.d8a.protocol.ga4.Ga4Protocol;

/**
 * The d8a web tracker's protocol: GA4 requests on {@code /d/c}; its columns are the GA4 columns under
 * {@code d8a.protocols.d8a.tech/...} interface ids with {@code tracking_protocol = d8a} (spec §2.11).
 */
public class D8aProtocol extends Ga4Protocol {

    public static final String ID = "d8a";

    public D8aProtocol() {
        super(ID);
    }

    @Override
    public String trackingProtocol() {
        return "d8a";
    }
}
