package dev.jcompose.planner.reconcile;

/**
 * The flags of {@code down}: remove named and anonymous volumes ({@code -v}), images
 * ({@code --rmi local|all}, planned by the CLI), containers of services no longer in the file
 * ({@code --remove-orphans}).
 */
public record DownOptions(boolean volumes, boolean removeOrphans) {
    public static final DownOptions DEFAULT = new DownOptions(false, false);
}
