package dev.keyledger.query.role;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.query.processing.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeSet;

/** Writes the role view ({@code query_role}), guarded by the version so that a redelivery is a no-op. */
@Component
public class RoleViewStore {

    private final JdbcClient jdbc;

    public RoleViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RoleSnapshot> load(RoleName name) {
        return jdbc.sql("SELECT * FROM query_role WHERE role_name = ?")
                .param(name.value())
                .query((row, n) -> snapshot(row))
                .optional();
    }

    public void save(RoleSnapshot role) {
        jdbc.sql("""
                        INSERT INTO query_role (role_name, description, permissions, live, version, created_at,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (role_name) DO UPDATE SET description = EXCLUDED.description,
                            permissions = EXCLUDED.permissions, live = EXCLUDED.live, version = EXCLUDED.version,
                            created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
                        WHERE query_role.version < EXCLUDED.version""")
                .params(role.name().value(), role.description(), SqlValues.textArray(role.permissions()),
                        role.live(), role.version(), SqlValues.timestamp(role.createdAt()),
                        SqlValues.timestamp(role.updatedAt()))
                .update();
    }

    /** Empties the view before a replay rebuilds it. */
    public void clear() {
        jdbc.sql("TRUNCATE query_role").update();
    }

    static RoleSnapshot snapshot(ResultSet row) throws SQLException {
        return new RoleSnapshot(
                new RoleName(row.getString("role_name")),
                row.getString("description"),
                new TreeSet<>(SqlValues.list(row, "permissions", Permission::new)),
                row.getBoolean("live"),
                row.getLong("version"),
                SqlValues.instant(row, "created_at"),
                SqlValues.instant(row, "updated_at"));
    }
}
