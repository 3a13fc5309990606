package dev.keyledger.infrastructure.federation;

import java.util.Arrays;
import java.util.Optional;

/**
 * A federated credential's subject: matched exactly, or, when it ends in {@code :*}, any {@code sub} that starts
 * with everything before the {@code *} and goes on (GitHub's {@code repo:acme/billing:*}, Kubernetes'
 * {@code system:serviceaccount:payments:*}). The {@code *} may stand only at the end and only after a {@code :}, so a
 * prefix always ends at a separator: {@code repo:acme/bill:*} never matches {@code repo:acme/billing:…}. The prefix
 * holds at least two non-empty segments, so {@code repo:*} (every GitHub repository, since the workload picks its
 * token's audience) is refused, and a rule written before that limit matches nothing. No other character is special;
 * there are no regular expressions (docs/DECISIONS.md 107).
 */
public final class SubjectPattern {

    private SubjectPattern() {
    }

    /** Why a subject cannot be a rule, if it cannot. */
    public static Optional<String> problem(String subject) {
        int star = subject.indexOf('*');
        if (star < 0) {
            return Optional.empty();
        }
        if (star != subject.length() - 1 || !subject.endsWith(":*") || subject.length() < 3) {
            return Optional.of("a * may only end the subject, after a ':' and at least one character before it "
                    + "(repo:org/name:*)");
        }
        String[] segments = subject.substring(0, subject.length() - 2).split(":", -1);
        if (segments.length < 2 || Arrays.stream(segments).anyMatch(String::isEmpty)) {
            return Optional.of("a * must follow at least two non-empty segments, so that it names one repository or "
                    + "namespace (repo:org/name:*, system:serviceaccount:namespace:*)");
        }
        return Optional.empty();
    }

    public static boolean matches(String rule, String subject) {
        if (problem(rule).isPresent()) {
            return false;
        }
        if (rule.endsWith(":*")) {
            String prefix = rule.substring(0, rule.length() - 1);
            return subject.length() > prefix.length() && subject.startsWith(prefix);
        }
        return rule.equals(subject);
    }
}
