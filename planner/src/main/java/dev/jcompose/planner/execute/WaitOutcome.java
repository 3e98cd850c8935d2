package dev.jcompose.planner.execute;

import dev.jcompose.planner.execute.ProjectRuntime.ContainerStatus;
import dev.jcompose.planner.graph.Dependency.Condition;
import java.util.List;

/**
 * Whether a dependency's condition holds, as docker compose judges it: {@code service_started}
 * when every container runs (or has exited, for one that already finished); {@code service_healthy}
 * when every container is healthy — an unhealthy or exited one fails; a container without a health
 * check fails too; {@code service_completed_successfully} when every container exited 0 — a non-zero
 * exit fails; {@code running_or_healthy} ({@code up --wait}) as {@code service_healthy}, except that a
 * container without a health check only has to run.
 */
public record WaitOutcome(State state, String detail) {
    public enum State {
        MET, WAITING, FAILED
    }

    static WaitOutcome judge(String service, Condition condition, List<ContainerStatus> containers) {
        if (containers.isEmpty()) {
            return new WaitOutcome(State.WAITING, "no container yet");
        }
        for (ContainerStatus c : containers) {
            WaitOutcome one = judge(service, condition, c);
            if (one.state != State.MET) {
                return one;
            }
        }
        return new WaitOutcome(State.MET, switch (condition) {
            case STARTED -> "Started";
            case HEALTHY, RUNNING_OR_HEALTHY -> "Healthy";
            case COMPLETED_SUCCESSFULLY -> "Exited";
        });
    }

    private static WaitOutcome judge(String service, Condition condition, ContainerStatus c) {
        switch (condition) {
            case STARTED -> {
                return c.state().equals("running") || c.state().equals("exited")
                        ? new WaitOutcome(State.MET, "") : new WaitOutcome(State.WAITING, c.name() + " is " + c.state());
            }
            case HEALTHY, RUNNING_OR_HEALTHY -> {
                if (c.state().equals("exited") || c.state().equals("dead")) {
                    return new WaitOutcome(State.FAILED, "container " + c.name() + " exited (" + c.exitCode() + ")");
                }
                if (c.health() == null && condition == Condition.RUNNING_OR_HEALTHY) {
                    return c.state().equals("running") ? new WaitOutcome(State.MET, "") : new WaitOutcome(State.WAITING, c.name() + " is " + c.state());
                }
                if (c.health() == null) {
                    return new WaitOutcome(State.FAILED, "container " + c.name() + " has no healthcheck configured");
                }
                return switch (c.health()) {
                    case "healthy" -> new WaitOutcome(State.MET, "");
                    case "unhealthy" -> new WaitOutcome(State.FAILED, "container " + c.name() + " is unhealthy");
                    default -> new WaitOutcome(State.WAITING, c.name() + " is " + c.health());
                };
            }
            default -> {
                if (!c.state().equals("exited")) {
                    return new WaitOutcome(State.WAITING, c.name() + " is " + c.state());
                }
                return c.exitCode() == 0 ? new WaitOutcome(State.MET, "")
                        : new WaitOutcome(State.FAILED, "service \"" + service + "\" didn't complete successfully: exit " + c.exitCode());
            }
        }
    }
}
