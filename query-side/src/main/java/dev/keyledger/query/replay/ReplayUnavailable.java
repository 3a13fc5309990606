package dev.keyledger.query.replay;

/** A replay that cannot start now, such as while another node holds some of the projection's segments. */
public class ReplayUnavailable extends RuntimeException {

    public ReplayUnavailable(String detail, Throwable cause) {
        super(detail, cause, false, false);
    }
}
