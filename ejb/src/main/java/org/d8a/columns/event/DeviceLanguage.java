package org.d8a.columns.event;

import org.d8a.sessions.Event;

/** {@code device_language} of every protocol: the tracker's language parameter, else the whole Accept-Language header. */
public final class DeviceLanguage {

    private DeviceLanguage() {
    }

    /**
     * @param key the protocol's language parameter ({@code ul}, Matomo {@code lang})
     * @return the parameter verbatim, else the header verbatim (no parsing, no lower-casing), else null
     */
    public static String of(Event event, String key) {
        String language = event.hit().param(key);
        if (!language.isEmpty()) {
            return language;
        }
        String header = event.hit().header("Accept-Language");
        return header.isEmpty() ? null : header;
    }
}
