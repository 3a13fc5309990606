package dev.keyledger.command.lookup;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

@Component
class JdbcRoleDirectory implements RoleDirectory {

    private final JdbcClient jdbc;

    JdbcRoleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(RoleName role) {
        // FOR SHARE: a deletion of this role (which deletes the row) waits for our transaction, and we wait for its.
        return jdbc.sql("SELECT 1 FROM command_role_lookup WHERE role_name = ? FOR SHARE")
                .param(role.value())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    @Override
    public SortedSet<Permission> permissionsOf(Collection<RoleName> roles) {
        SortedSet<Permission> permissions = new TreeSet<>();
        if (roles.isEmpty()) {
            return permissions;
        }
        String[] names = roles.stream().map(RoleName::value).toArray(String[]::new);
        jdbc.sql("SELECT DISTINCT unnest(permissions) FROM command_role_lookup WHERE role_name = ANY(?)")
                .param(names)
                .query(String.class)
                .list()
                .forEach(permission -> permissions.add(new Permission(permission)));
        return permissions;
    }
}
