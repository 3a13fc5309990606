package dev.keyledger.query.role;

/**
 * A client's effective permissions: the union of the permissions of the live roles it holds, as the role view has
 * them now, ordered by code point (as Java's {@code String.compareTo} does). Always computed by PostgreSQL, inside
 * the statement that writes a client's row or recomputes its holders' rows after a role change, so that both see
 * the role view of their own transaction and compute it the same way.
 */
public final class EffectivePermissions {

    /** Of the roles in a {@code TEXT[]} parameter (the client's, as it is written). */
    public static final String OF_ROLES_PARAMETER = of("CAST(? AS text[])");
    /** Of the roles in the row's {@code roles} column (its holders', as a role changes). */
    public static final String OF_ROLES_COLUMN = of("roles");

    private EffectivePermissions() {
    }

    private static String of(String roles) {
        return """
                ARRAY(SELECT DISTINCT p COLLATE "C" FROM query_role r, unnest(r.permissions) p
                      WHERE r.live AND r.role_name = ANY(%s) ORDER BY 1)""".formatted(roles);
    }
}
