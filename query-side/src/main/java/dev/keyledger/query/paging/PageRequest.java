package dev.keyledger.query.paging;

/** Which page of a list: {@code page} from 0, {@code size} items a page. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public long offset() {
        return (long) page * size;
    }
}
