package dev.keyledger.infrastructure.access;

/** Decides whether the bearer of an {@code Authorization} header may use one admin permission now. */
public interface AdminAuthorizer {

    /**
     * @param authorization the request's {@code Authorization} header, {@code null} when it has none
     * @param permission    the permission the routed handler declares
     */
    AccessVerdict authorize(String authorization, String permission);
}
