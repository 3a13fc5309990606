package dev.keyledger.infrastructure.federation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Federated subjects: exact, or a prefix that ends at a ':' separator; nothing else is special. */
class SubjectPatternTest {

    private static final String MAIN = "repo:acme/billing:ref:refs/heads/main";

    @Test
    void whenTheSubjectHasNoStar_thenOnlyTheSameSubjectMatches() {
        assertThat(SubjectPattern.matches(MAIN, MAIN)).isTrue();
        assertThat(SubjectPattern.matches(MAIN, "repo:acme/billing:ref:refs/heads/mai")).isFalse();
        assertThat(SubjectPattern.matches(MAIN, MAIN.toUpperCase())).isFalse();
        assertThat(SubjectPattern.matches("a.c", "abc")).as("a dot is no wildcard").isFalse();
    }

    @Test
    void whenTheSubjectEndsInColonStar_thenLongerSubjectsAfterTheSeparatorMatchAndNothingElse() {
        String rule = "repo:acme/billing:*";

        assertThat(SubjectPattern.matches(rule, "repo:acme/billing:ref:refs/heads/main")).isTrue();
        assertThat(SubjectPattern.matches(rule, "repo:acme/billing:environment:production")).isTrue();
        assertThat(SubjectPattern.matches(rule, "repo:acme/billing:")).as("nothing after the prefix").isFalse();
        assertThat(SubjectPattern.matches(rule, "repo:acme/billing")).isFalse();
        assertThat(SubjectPattern.matches(rule, "repo:acme/billing-tools:ref:refs/heads/main")).isFalse();
        assertThat(SubjectPattern.matches(rule, "repo:acme/billing:*")).isTrue();
        assertThat(SubjectPattern.matches("system:serviceaccount:payments:*", "system:serviceaccount:payroll:api"))
                .isFalse();
    }

    @Test
    void whenTheStarIsAnywhereButAfterAFinalColon_thenTheSubjectIsRefused() {
        assertThat(SubjectPattern.problem("repo:acme/billing:*")).isEmpty();
        assertThat(SubjectPattern.problem("system:serviceaccount:payments:api")).isEmpty();
        for (String refused : new String[]{"*", ":*", "repo:acme/bill*", "repo:*:ref:main", "repo:acme/*:*",
                "repo:acme/billing:**", "repo:acme/billing*:"}) {
            assertThat(SubjectPattern.problem(refused)).as(refused).isPresent();
        }
    }

    @Test
    void whenTheStarFollowsFewerThanTwoSegments_thenTheSubjectIsRefusedAndAnOldRuleMatchesNothing() {
        for (String tooBroad : new String[]{"repo:*", "system:*", "a::*", "::*", ":acme:*"}) {
            assertThat(SubjectPattern.problem(tooBroad)).as(tooBroad).isPresent();
        }
        assertThat(SubjectPattern.matches("repo:*", "repo:evil/anything:ref:refs/heads/main"))
                .as("a rule written before the limit").isFalse();
        assertThat(SubjectPattern.problem("system:serviceaccount:payments:*")).isEmpty();
        assertThat(SubjectPattern.problem("repo:acme/billing:environment:*")).isEmpty();
    }
}
