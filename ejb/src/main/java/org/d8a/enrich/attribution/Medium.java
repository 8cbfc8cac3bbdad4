package org.d8a.enrich.attribution;

import java.util.Arrays;
import java.util.Optional;

/** The media of the source lists, each with the resource file of its built-in entries. */
enum Medium {
    VIDEO("video", "video.yaml"),
    REFERRAL("referral", "referrals.yaml"),
    SOCIAL("social", "socials.yaml"),
    AI("ai", "ai.yaml"),
    ORGANIC("organic", "search-engines.yaml"),
    EMAIL("email", "email-providers.yaml");

    private final String label;
    private final String file;

    Medium(String label, String file) {
        this.label = label;
        this.file = file;
    }

    /** The value of {@code session_medium}. */
    String label() {
        return label;
    }

    /** The built-in list, a resource next to this class. */
    String file() {
        return file;
    }

    static Optional<Medium> ofLabel(String label) {
        return Arrays.stream(values()).filter(medium -> medium.label.equals(label)).findFirst();
    }
}
