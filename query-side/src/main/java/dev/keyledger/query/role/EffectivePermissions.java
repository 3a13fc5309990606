package dev.keyledger.query.role;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.query.processing.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A client's effective permissions: the union of the permissions of the live roles it holds, as the role view
 * has them now. {@link #SQL_OF_ROLES} is the same computation inside an UPDATE, for the recomputations a role
 * change causes; both order by code point, as Java's {@code String.compareTo} does.
 */
@Component
public class EffectivePermissions {

    /** The effective permissions of the roles in the column or parameter substituted for {@code %s}. */
    public static final String SQL_OF_ROLES = """
            ARRAY(SELECT DISTINCT p COLLATE "C" FROM query_role r, unnest(r.permissions) p
                  WHERE r.live AND r.role_name = ANY(%s) ORDER BY 1)""";

    private final JdbcClient jdbc;

    public EffectivePermissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SortedSet<Permission> of(Collection<RoleName> roles) {
        SortedSet<Permission> permissions = new TreeSet<>();
        if (roles.isEmpty()) {
            return permissions;
        }
        jdbc.sql("SELECT unnest(" + SQL_OF_ROLES.formatted("?") + ")")
                .param(SqlValues.textArray(roles))
                .query(String.class)
                .list()
                .forEach(permission -> permissions.add(new Permission(permission)));
        return permissions;
    }
}
