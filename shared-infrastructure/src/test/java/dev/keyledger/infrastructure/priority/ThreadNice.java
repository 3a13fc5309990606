package dev.keyledger.infrastructure.priority;

import java.nio.file.Files;
import java.nio.file.Path;

/** The calling thread's nice, as Linux reports it. */
final class ThreadNice {

    private ThreadNice() {
    }

    /** Field 19 of the thread's stat line; the command name (field 2) may hold spaces, so count after its ')'. */
    static int ofCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[16]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
