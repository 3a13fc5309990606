package dev.keyledger.query.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as API.md §2 answers lists: {@code {"items", "page", "size", "total"}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}
