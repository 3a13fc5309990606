package dev.keyledger.command.web;

/** An admin request that reached the command side without an authenticated caller: 401. */
class Unauthenticated extends RuntimeException {

    Unauthenticated() {
        super("the admin API needs Authorization: Bearer <access token issued by Keyledger>", null, false, false);
    }
}
