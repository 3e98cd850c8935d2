package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.verbs.PullPlan.Candidate;
import dev.jcompose.cli.verbs.PullPlan.Options;
import dev.jcompose.cli.verbs.PullPlan.Pull;
import dev.jcompose.cli.verbs.PullPlan.Skip;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What pull fetches and skips, service by service, as docker compose decides it. */
class PullPlanTest {
    private static final List<Candidate> PROJECT = List.of(
            new Candidate("db", "mariadb:11", false, null, Set.of()),
            new Candidate("web", "example.com/web:1", true, null, Set.of("db")),
            new Candidate("worker", "example.com/web:1", false, null, Set.of("cache")),
            new Candidate("cache", "redis:7", false, "missing", Set.of()),
            new Candidate("tool", null, true, null, Set.of()),
            new Candidate("local", "local:1", false, "never", Set.of()),
            new Candidate("made", "made:1", true, "build", Set.of()));

    private static PullPlan plan(Options options, String... present) {
        return PullPlan.of(PROJECT, options, Set.of(present)::contains);
    }

    @Test
    void everyServiceByDefaultWithDockerComposesSkipReasons() {
        PullPlan p = plan(new Options(List.of(), false, null, false), "redis:7");
        assertEquals(List.of(new Pull("db", "mariadb:11", false), new Pull("web", "example.com/web:1", true)), p.pulls());
        assertEquals(List.of(
                new Skip("Image example.com/web:1", "Skipped - Image is already being pulled by web"),
                new Skip("Image redis:7", "Skipped - Image is already present locally"),
                new Skip("tool", "Skipped - No image to be pulled"),
                new Skip("Image local:1", "Skipped"),
                new Skip("Image made:1", "Skipped")), p.skips());
    }

    @Test
    void policyReplacesEveryServicesPullPolicy() {
        PullPlan always = plan(new Options(List.of(), false, "always", false), "redis:7", "mariadb:11");
        assertEquals(List.of("db", "web", "cache", "local", "made"), always.pulls().stream().map(Pull::service).toList());
        PullPlan missing = plan(new Options(List.of(), false, "missing", false), "redis:7", "mariadb:11");
        assertEquals(List.of("web", "local", "made"), missing.pulls().stream().map(Pull::service).toList());
        UserError bad = assertThrows(UserError.class, () -> new Options(List.of(), false, "sometimes", false));
        assertEquals("invalid --policy \"sometimes\": use missing or always", bad.getMessage());
    }

    @Test
    void namedServicesOnlyAndTheirDependenciesWithIncludeDeps() {
        assertEquals(List.of("worker"), plan(new Options(List.of("worker"), false, null, false)).pulls().stream().map(Pull::service).toList());
        PullPlan deps = plan(new Options(List.of("worker"), true, "always", false));
        assertEquals(List.of("worker", "cache"), deps.pulls().stream().map(Pull::service).toList());
        assertEquals(List.of("db", "web"), plan(new Options(List.of("web"), true, null, false)).pulls().stream().map(Pull::service).toList());
        UserError unknown = assertThrows(UserError.class, () -> plan(new Options(List.of("nope"), false, null, false)));
        assertEquals("no such service: nope", unknown.getMessage());
    }

    @Test
    void ignoreBuildableSkipsServicesWithABuildSection() {
        PullPlan p = plan(new Options(List.of("db", "web"), false, null, true));
        assertEquals(List.of(new Pull("db", "mariadb:11", false)), p.pulls());
        assertEquals(List.of(new Skip("Image example.com/web:1", "Skipped - Image can be built")), p.skips());
    }

    @Test
    void upPullsWhatIsMissingByEachServicesPolicyWithMissingTheDefault() {
        PullPlan p = PullPlan.forUp(PROJECT, List.of(), true, null, Set.of("redis:7", "mariadb:11")::contains);
        assertEquals(List.of(new Pull("web", "example.com/web:1", true)), p.pulls(), "present images, never and build are not pulled");
        PullPlan always = PullPlan.forUp(PROJECT, List.of(), true, "always", Set.of("redis:7", "mariadb:11")::contains);
        assertEquals(List.of("db", "web", "cache", "local", "made"), always.pulls().stream().map(Pull::service).toList());
        assertEquals(List.of(), PullPlan.forUp(PROJECT, List.of(), true, "never", s -> false).pulls());
        assertEquals(List.of("worker", "cache"), PullPlan.forUp(PROJECT, List.of("worker"), true, null, s -> false).pulls().stream()
                .map(Pull::service).toList(), "the named service and its dependencies");
        assertEquals(List.of("worker"), PullPlan.forUp(PROJECT, List.of("worker"), false, null, s -> false).pulls().stream()
                .map(Pull::service).toList(), "--no-deps");
        PullPlan timed = PullPlan.forUp(List.of(new Candidate("d", "d:1", false, "daily", Set.of())), List.of(), true, null, Set.of("d:1")::contains);
        assertEquals(List.of(), timed.pulls(), "daily is missing for jcompose, which keeps no pull times");
        UserError bad = assertThrows(UserError.class, () -> PullPlan.forUp(PROJECT, List.of(), true, "often", s -> false));
        assertEquals("invalid --pull option \"often\": use always, missing, never or build", bad.getMessage());
    }
}
