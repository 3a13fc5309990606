package dev.keyledger.query.auth;

import dev.keyledger.query.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A role change finds its holders in the auth view through the roles index, not by reading every client's row. */
class ClientAuthStoreRoleIndexTest {

    @Test
    void whenARoleChanges_thenItsHoldersAreFoundThroughTheRolesIndex() {
        assertThat(TestDatabase.planWithoutTableScans(ClientAuthStore.RECOMPUTE, "svc-ledger"))
                .contains("query_client_auth_by_role").doesNotContain("Seq Scan");
    }
}
