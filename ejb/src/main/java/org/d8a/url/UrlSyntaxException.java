package org.d8a.url;

/** A URL that Go's {@code url.Parse} rejects; the message follows Go's wording. */
public class UrlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public UrlSyntaxException(String message) {
        super(message);
    }
}
