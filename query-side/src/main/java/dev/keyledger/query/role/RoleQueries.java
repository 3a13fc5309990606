package dev.keyledger.query.role;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.query.paging.Page;
import dev.keyledger.query.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The role view's reads behind {@code GET /api/v1/roles}: live roles only; a deleted role is not found. */
@Component
public class RoleQueries {

    private final JdbcClient jdbc;

    RoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RoleSnapshot> find(RoleName name) {
        return jdbc.sql("SELECT * FROM query_role WHERE role_name = ? AND live")
                .param(name.value())
                .query((row, n) -> RoleViewStore.snapshot(row))
                .optional();
    }

    /** Whether the view holds version {@code version} of the name's stream (or later), deleted or not. */
    public boolean reached(RoleName name, long version) {
        return jdbc.sql("SELECT version >= ? FROM query_role WHERE role_name = ?")
                .params(version, name.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Live roles by name. */
    public Page<RoleSnapshot> list(PageRequest request) {
        long total = jdbc.sql("SELECT count(*) FROM query_role WHERE live").query(Long.class).single();
        List<RoleSnapshot> items = jdbc.sql("SELECT * FROM query_role WHERE live ORDER BY role_name LIMIT ? OFFSET ?")
                .params(request.size(), request.offset())
                .query((row, n) -> RoleViewStore.snapshot(row))
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }
}
