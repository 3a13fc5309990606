package dev.keyledger.token.jose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads the command side's {@code command_signing_key_material} (its owner; this module only reads it). Sealed private
 * keys are read only for keys that sign or are about to.
 */
@Component
class KeyMaterialRepository {

    private final JdbcClient jdbc;

    KeyMaterialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Published and active keys, and retired keys whose last token may not have expired yet, oldest first. */
    List<StoredKey> live() {
        return jdbc.sql("""
                        SELECT kid, algorithm, status, public_key,
                               CASE WHEN status = 'RETIRED' THEN NULL ELSE sealed_private_key END AS sealed_private_key
                          FROM command_signing_key_material
                         WHERE status <> 'RETIRED' OR verify_until > now()
                         ORDER BY created_at, kid""")
                .query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getString("algorithm"),
                        rs.getString("status"), rs.getBytes("public_key"), rs.getBytes("sealed_private_key")))
                .list();
    }
}
