package dev.keyledger.token.accesstoken;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API's remembered revocation checks: when PostgreSQL is asked again, and when it need not be. */
class RevocationMemoryTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RevocationMemory memory = new RevocationMemory(nanos::get);
    private final List<String> asked = new ArrayList<>();

    @Test
    void whenATokenWasFoundNotRevoked_thenItsNextChecksDoNotAsk() {
        assertThat(memory.isRevoked("jti-1", this::notRevoked)).isFalse();
        assertThat(memory.isRevoked("jti-1", this::notRevoked)).isFalse();
        assertThat(memory.isRevoked("jti-1", this::notRevoked)).isFalse();

        assertThat(asked).containsExactly("jti-1");
    }

    @Test
    void whenARevocationIsAnnounced_thenEveryTokenIsAskedAgain() {
        memory.isRevoked("jti-1", this::notRevoked);
        memory.isRevoked("jti-2", this::notRevoked);

        memory.forgetAll();

        assertThat(memory.isRevoked("jti-1", this::revoked)).isTrue();
        assertThat(memory.isRevoked("jti-2", this::notRevoked)).isFalse();
        assertThat(asked).containsExactly("jti-1", "jti-2", "jti-1", "jti-2");
    }

    @Test
    void whenTheAnswerIsOlderThanItsLimit_thenTheTokenIsAskedAgain() {
        memory.isRevoked("jti-1", this::notRevoked);
        nanos.addAndGet(RevocationMemory.KEPT_FOR.toNanos() - 1);
        memory.isRevoked("jti-1", this::notRevoked);
        nanos.addAndGet(1);

        assertThat(memory.isRevoked("jti-1", this::revoked)).isTrue();
        assertThat(asked).containsExactly("jti-1", "jti-1");
    }

    @Test
    void whenARevocationIsAnnouncedWhileTheQuestionIsAsked_thenThatAnswerIsNotUsed() {
        memory.isRevoked("jti-1", jti -> {
            memory.forgetAll(); // committed after the question's snapshot, announced before its answer is kept
            return notRevoked(jti);
        });

        assertThat(memory.isRevoked("jti-1", this::revoked)).isTrue();
        assertThat(asked).containsExactly("jti-1", "jti-1");
    }

    @Test
    void whenATokenIsRevoked_thenThatIsNotRemembered() {
        assertThat(memory.isRevoked("jti-1", this::revoked)).isTrue();
        assertThat(memory.isRevoked("jti-1", this::revoked)).isTrue();

        assertThat(asked).containsExactly("jti-1", "jti-1");
    }

    private boolean notRevoked(String jti) {
        asked.add(jti);
        return false;
    }

    private boolean revoked(String jti) {
        asked.add(jti);
        return true;
    }
}
