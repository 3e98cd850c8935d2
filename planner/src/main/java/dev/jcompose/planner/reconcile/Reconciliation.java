package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.plan.Plan;
import java.util.List;

/**
 * A plan and the warnings that come with it (orphan containers …), printed before it runs, and the
 * containers of the selected services left running as they are (docker compose reports them
 * {@code Running}).
 */
public record Reconciliation(Plan plan, List<String> warnings, List<String> running) {
    public Reconciliation {
        warnings = List.copyOf(warnings);
        running = List.copyOf(running);
    }

    public Reconciliation(Plan plan, List<String> warnings) {
        this(plan, warnings, List.of());
    }
}
