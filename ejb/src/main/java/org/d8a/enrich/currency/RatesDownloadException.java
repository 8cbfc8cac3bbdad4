package org.d8a.enrich.currency;

/** A download that produced no snapshot: a base whose every source failed, with what each source answered. */
final class RatesDownloadException extends Exception {

    RatesDownloadException(String message) {
        super(message);
    }
}
