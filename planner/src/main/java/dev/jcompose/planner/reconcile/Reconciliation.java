package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.plan.Plan;
import java.util.List;

/** A plan and the warnings that come with it (orphan containers …), printed before it runs. */
public record Reconciliation(Plan plan, List<String> warnings) {
    public Reconciliation {
        warnings = List.copyOf(warnings);
    }
}
