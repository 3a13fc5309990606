package dev.keyledger.token.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON writing of the token path: Spring's configuration, with buffers shared by all threads. Jackson's default
 * buffer pool is per thread, and every request runs on a fresh virtual thread, so by default each token and each
 * answer allocated new buffers, only to drop them (what that cost: docs/BENCHMARKS.md).
 */
public final class HotPathJson {

    private HotPathJson() {
    }

    public static ObjectMapper from(ObjectMapper configured) {
        return configured.copyWith(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
    }
}
