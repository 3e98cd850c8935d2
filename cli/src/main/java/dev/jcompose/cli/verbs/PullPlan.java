package dev.jcompose.cli.verbs;

import dev.jcompose.cli.UserError;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What {@code jcompose pull} fetches and what it skips, decided as docker compose does: services
 * without an image are skipped, {@code pull_policy} never/build skip, missing skips an image already
 * present, {@code --ignore-buildable} skips services with a build section, and an image two services
 * name is pulled once. {@code --policy} replaces every service's pull policy; only the named services
 * count (all when none is named), with their dependencies under {@code --include-deps}.
 */
record PullPlan(List<Pull> pulls, List<Skip> skips) {
    /** A service as pull sees it. */
    record Candidate(String name, String image, boolean buildable, String pullPolicy, Set<String> dependsOn) {
        static Candidate of(Service s) {
            return new Candidate(s.name(), s.image(), s.build() != null, s.lifecycle().pullPolicy(), s.lifecycle().dependsOn().keySet());
        }
    }

    /** An image to pull for a service; a buildable service's failure is a warning. */
    record Pull(String service, String image, boolean buildable) {
    }

    /** A line docker compose prints for what it skips: {@code id} (a service, or {@code Image <name>}) and why. */
    record Skip(String id, String text) {
    }

    /** The options of {@code jcompose pull} that decide what is pulled. */
    record Options(List<String> services, boolean includeDeps, String policy, boolean ignoreBuildable) {
        Options {
            services = List.copyOf(services);
            if (policy != null && !policy.equals("missing") && !policy.equals("always")) {
                throw new UserError("invalid --policy \"" + policy + "\": use missing or always");
            }
        }
    }

    /**
     * What {@code up} and {@code create} pull before creating containers, as docker compose: each
     * service by its {@code pull_policy} with {@code missing} the default (and for {@code daily},
     * {@code weekly}, {@code every_*}: jcompose keeps no pull times), {@code --pull always|missing}
     * over all, {@code --pull never|build} nothing; services without an image are left to the build.
     *
     * @param pullFlag the {@code --pull} value, or null
     */
    static PullPlan forUp(Project project, List<String> services, boolean includeDeps, String pullFlag, Predicate<String> present) {
        return forUp(project.services().values().stream().map(Candidate::of).toList(), services, includeDeps, pullFlag, present);
    }

    static PullPlan forUp(List<Candidate> all, List<String> services, boolean includeDeps, String pullFlag, Predicate<String> present) {
        if (pullFlag != null && !List.of("always", "missing", "never", "build").contains(pullFlag)) {
            throw new UserError("invalid --pull option \"" + pullFlag + "\": use always, missing, never or build");
        }
        if ("never".equals(pullFlag) || "build".equals(pullFlag)) {
            return new PullPlan(List.of(), List.of());
        }
        List<Candidate> candidates = all.stream()
                .filter(c -> c.image() != null && !c.image().isEmpty())
                .map(c -> new Candidate(c.name(), c.image(), c.buildable(), timedOrUnset(c.pullPolicy()) ? "missing" : c.pullPolicy(), c.dependsOn()))
                .toList();
        List<String> named = services.stream().filter(n -> candidates.stream().anyMatch(c -> c.name().equals(n))).toList();
        if (!services.isEmpty() && named.isEmpty()) {
            return new PullPlan(List.of(), List.of());
        }
        return of(candidates, new Options(named, includeDeps, pullFlag, false), present);
    }

    private static boolean timedOrUnset(String policy) {
        return policy == null || policy.isEmpty() || policy.equals("daily") || policy.equals("weekly") || policy.startsWith("every_");
    }

    static PullPlan of(Project project, Options options, Predicate<String> present) {
        return of(project.services().values().stream().map(Candidate::of).toList(), options, present);
    }

    /** @param present whether an image is in the engine's store already (asked only for policy missing) */
    static PullPlan of(List<Candidate> services, Options options, Predicate<String> present) {
        Set<String> selected = selected(services, options);
        List<Pull> pulls = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        Map<String, String> beingPulled = new LinkedHashMap<>();
        for (Candidate s : services) {
            if (!selected.contains(s.name())) {
                continue;
            }
            if (s.image() == null || s.image().isEmpty()) {
                skips.add(new Skip(s.name(), "Skipped - No image to be pulled"));
                continue;
            }
            String policy = options.policy() != null ? options.policy() : s.pullPolicy() == null ? "" : s.pullPolicy();
            String id = "Image " + s.image();
            if (policy.equals("never") || policy.equals("build")) {
                skips.add(new Skip(id, "Skipped"));
            } else if ((policy.equals("missing") || policy.equals("if_not_present")) && present.test(s.image())) {
                skips.add(new Skip(id, "Skipped - Image is already present locally"));
            } else if (s.buildable() && options.ignoreBuildable()) {
                skips.add(new Skip(id, "Skipped - Image can be built"));
            } else if (beingPulled.containsKey(s.image())) {
                skips.add(new Skip(id, "Skipped - Image is already being pulled by " + beingPulled.get(s.image())));
            } else {
                beingPulled.put(s.image(), s.name());
                pulls.add(new Pull(s.name(), s.image(), s.buildable()));
            }
        }
        return new PullPlan(List.copyOf(pulls), List.copyOf(skips));
    }

    private static Set<String> selected(List<Candidate> services, Options options) {
        Map<String, Candidate> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        if (options.services().isEmpty()) {
            return byName.keySet();
        }
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String name : options.services()) {
            if (!byName.containsKey(name)) {
                throw new UserError("no such service: " + name);
            }
            todo.add(name);
        }
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (out.add(name) && options.includeDeps() && byName.containsKey(name)) {
                todo.addAll(byName.get(name).dependsOn());
            }
        }
        return out;
    }
}
