package dev.jcompose.planner.execute;

import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a {@link Plan} as far in parallel as its DAG allows (at most {@code parallelism} steps at
 * once), reporting progress; waits poll the runtime until their condition holds, fails, or times
 * out. The first failure stops new steps from starting; steps already running finish; the result
 * lists every error, and which steps never ran.
 */
public final class PlanExecutor {
    private final ProjectRuntime runtime;
    private final int parallelism;
    private final Duration pollInterval;
    private final Duration waitTimeout;
    private final ProgressListener progress;

    /** @param waitTimeout how long a wait may take (null: no limit) */
    public PlanExecutor(ProjectRuntime runtime, int parallelism, Duration pollInterval, Duration waitTimeout,
                        ProgressListener progress) {
        this.runtime = runtime;
        this.parallelism = parallelism <= 0 ? 64 : parallelism;
        this.pollInterval = pollInterval;
        this.waitTimeout = waitTimeout;
        this.progress = progress;
    }

    /** The outcome: errors in the order they happened (empty when all went well) and how many steps were skipped. */
    public record Result(List<String> errors, int skipped) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result execute(Plan plan) throws InterruptedException {
        Map<Integer, Integer> pending = new HashMap<>();
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        Map<Integer, Plan.Node> byId = new HashMap<>();
        for (Plan.Node n : plan.nodes()) {
            byId.put(n.id(), n);
            pending.put(n.id(), n.after().size());
            n.after().forEach(a -> dependents.computeIfAbsent(a, k -> new ArrayList<>()).add(n.id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, plan.nodes().size())), r -> {
            Thread t = new Thread(r, "plan-step");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<String> errors = new ArrayList<>();
        int running = 0;
        int finished = 0;
        try {
            for (Plan.Node n : plan.nodes()) {
                if (n.after().isEmpty()) {
                    submit(done, n);
                    running++;
                }
            }
            while (running > 0) {
                var f = done.take();
                running--;
                try {
                    int id = f.get();
                    finished++;
                    if (!errors.isEmpty()) {
                        continue;
                    }
                    for (int next : dependents.getOrDefault(id, List.of())) {
                        if (pending.merge(next, -1, Integer::sum) == 0) {
                            submit(done, byId.get(next));
                            running++;
                        }
                    }
                } catch (ExecutionException e) {
                    errors.add(e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(errors, plan.nodes().size() - finished - errors.size());
    }

    private void submit(CompletionService<Integer> done, Plan.Node node) {
        done.submit(() -> {
            run(node.step());
            return node.id();
        });
    }

    private void run(Step step) throws Exception {
        if (step instanceof Step.WaitFor w) {
            await(w);
            return;
        }
        String resource = step.resource();
        Step.Words words = step.words();
        if (resource != null) {
            progress.event(resource, words.doing(), "", false);
        }
        try {
            runtime.apply(step);
        } catch (Exception e) {
            if (resource != null) {
                progress.event(resource, "Error", e.getMessage(), true);
            }
            throw e;
        }
        if (resource != null) {
            progress.event(resource, words.done(), "", true);
        }
    }

    private void await(Step.WaitFor w) throws Exception {
        long deadline = waitTimeout == null ? Long.MAX_VALUE : System.nanoTime() + waitTimeout.toNanos();
        String lastDetail = null;
        while (true) {
            List<ProjectRuntime.ContainerStatus> containers = runtime.observe(w.service());
            String resource = "Container " + (containers.isEmpty() ? w.service() : containers.get(0).name());
            WaitOutcome outcome = WaitOutcome.judge(w.service(), w.condition(), containers);
            switch (outcome.state()) {
                case MET -> {
                    progress.event(resource, outcome.detail(), "", true);
                    return;
                }
                case FAILED -> {
                    if (!w.required()) {
                        progress.event(resource, "Warning", outcome.detail() + " (not required: continuing)", true);
                        return;
                    }
                    progress.event(resource, "Error", outcome.detail(), true);
                    throw new IllegalStateException("dependency failed to start: " + outcome.detail());
                }
                default -> {
                    if (!outcome.detail().equals(lastDetail)) {
                        progress.event(resource, "Waiting", outcome.detail(), false);
                        lastDetail = outcome.detail();
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("timed out waiting for service \"" + w.service() + "\" to be "
                                + w.condition().composeName.replace("service_", "").replace('_', ' ') + " (" + outcome.detail() + ")");
                    }
                    Thread.sleep(pollInterval.toMillis());
                }
            }
        }
    }
}
