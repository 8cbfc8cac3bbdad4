package org.d8a.hits;

/** A query string the reference's parser would reject. */
public class MalformedQueryException extends Exception {

    public MalformedQueryException(String message) {
        super(message);
    }
}
