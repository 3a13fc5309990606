package dev.keyledger.token.federation;

/** An issuer's keys could not be fetched; the message says why, without anything the issuer sent. */
class JwksUnavailable extends Exception {

    JwksUnavailable(String message) {
        super(message);
    }
}
