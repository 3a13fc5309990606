package dev.keyledger.kernel.signingkey.event;

/**
 * Every event of the signing-key aggregate names its key. The family is closed: the aggregate must source itself
 * from every member, and a test checks that it does.
 */
public sealed interface SigningKeyEvent permits SigningKeyPublished, SigningKeyActivated, SigningKeyRetired {

    String kid();
}
