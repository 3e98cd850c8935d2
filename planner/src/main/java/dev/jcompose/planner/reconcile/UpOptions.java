package dev.jcompose.planner.reconcile;

import java.util.Set;

/**
 * The flags of {@code up}/{@code create} that change the plan.
 *
 * @param services          the services named on the command line (empty: all)
 * @param noDeps            do not bring up their dependencies
 * @param recreate          {@code DIVERGED} (default), {@code FORCE} ({@code --force-recreate}) or
 *                          {@code NEVER} ({@code --no-recreate})
 * @param alwaysRecreateDeps recreate dependencies too when a dependent is recreated... as docker
 *                          compose's {@code --always-recreate-deps}: dependencies get FORCE
 * @param removeOrphans     remove containers of services no longer in the file
 * @param start             false for {@code create} / {@code up --no-start}
 * @param renewAnonVolumes  {@code -V}/{@code --renew-anon-volumes}: a recreated container gets new anonymous volumes
 *                          instead of its predecessor's
 */
public record UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean alwaysRecreateDeps,
                        boolean removeOrphans, boolean start, boolean renewAnonVolumes) {

    public UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean alwaysRecreateDeps, boolean removeOrphans,
                     boolean start) {
        this(services, noDeps, recreate, alwaysRecreateDeps, removeOrphans, start, false);
    }

    public enum Recreate {
        DIVERGED, FORCE, NEVER
    }

    public static final UpOptions DEFAULT = new UpOptions(Set.of(), false, Recreate.DIVERGED, false, false, true);

    public UpOptions {
        services = Set.copyOf(services);
    }
}
