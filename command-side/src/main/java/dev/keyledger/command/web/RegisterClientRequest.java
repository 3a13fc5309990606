package dev.keyledger.command.web;

import dev.keyledger.kernel.client.Audience;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.id.RoleName;

import java.util.List;
import java.util.Set;

/** A validated registration request. */
record RegisterClientRequest(
        ClientName name,
        ClientDescription description,
        Set<RoleName> roles,
        TokenLifetime accessTokenLifetime,
        List<Audience> allowedAudiences) {
}
