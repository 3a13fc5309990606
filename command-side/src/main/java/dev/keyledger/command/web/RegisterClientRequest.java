package dev.keyledger.command.web;

import dev.keyledger.kernel.id.RoleName;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** A validated registration request. */
record RegisterClientRequest(
        String name,
        String description,
        Set<RoleName> roles,
        int accessTokenTtlSeconds,
        List<URI> allowedAudiences) {
}
