package dev.keyledger.query.client;

import dev.keyledger.query.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A role change finds its holders in the client view through the roles index, not by reading every client's row. */
class ClientViewStoreRoleIndexTest {

    @Test
    void whenARoleChanges_thenItsHoldersAreFoundThroughTheRolesIndex() {
        assertThat(TestDatabase.planWithoutTableScans(ClientViewStore.RECOMPUTE, "svc-ledger"))
                .contains("query_client_by_role").doesNotContain("Seq Scan");
    }
}
