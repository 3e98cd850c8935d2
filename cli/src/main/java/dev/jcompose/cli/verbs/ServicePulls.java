package dev.jcompose.cli.verbs;

import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.cli.render.ProgressPrinter;
import dev.jcompose.cli.render.PullProgress;
import dev.jcompose.engine.image.ref.ImageReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pulls services' images through the engine, all at once (the engine bounds the layer downloads and
 * fetches a layer two images share once), each shown as docker compose does in a {@link ProgressPrinter}
 * headed {@code Pulling}: the service's row and its layers' byte counts ({@link PullProgress}). Used by
 * {@code pull} and by {@code up}/{@code create} for the images they miss. A failure is the service's
 * {@code Error} row, or its {@code Warning} row where it is tolerated (a buildable service, or
 * {@code --ignore-pull-failures}).
 */
final class ServicePulls {
    private static final int MAX_PARALLEL = 8;

    /** A pull's result: {@code error} is null when it succeeded. */
    record Outcome(PullPlan.Pull pull, EngineException error) {
    }

    private final EngineClient engine;
    private final ProgressPrinter progress;
    private final boolean tolerateFailures;

    /** @param progress where the pulls show (null for {@code -q}/{@code --quiet-pull}: nothing is shown) */
    ServicePulls(EngineClient engine, ProgressPrinter progress, boolean tolerateFailures) {
        this.engine = engine;
        this.progress = progress;
        this.tolerateFailures = tolerateFailures;
    }

    List<Outcome> pullAll(List<PullPlan.Pull> pulls) throws InterruptedException {
        if (pulls.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, pulls.size()), r -> {
            Thread t = new Thread(r, "pull");
            t.setDaemon(true);
            return t;
        });
        // spinners and timers move while a download is slow to report (docker compose redraws every 100 ms)
        java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pull-progress");
            t.setDaemon(true);
            return t;
        });
        if (progress != null) {
            ticker.scheduleAtFixedRate(progress::tick, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (PullPlan.Pull p : pulls) {
                running.add(pool.submit(() -> pullOne(p)));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : running) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
            if (progress != null) {
                progress.finish();
            }
        }
    }

    private Outcome pullOne(PullPlan.Pull p) {
        String ref = ImageReference.parse(p.image()).toString();
        PullProgress shown = progress == null ? null : new PullProgress(progress, p.service());
        if (shown != null) {
            shown.started();
        }
        try {
            engine.stream(org.eclipse.jetty.http.HttpMethod.POST, "/images/create?fromImage=" + URLEncoder.encode(ref, StandardCharsets.UTF_8),
                    null, null, m -> {
                        if (shown != null) {
                            shown.accept(m);
                        }
                    });
            if (shown != null) {
                shown.pulled();
            }
            return new Outcome(p, null);
        } catch (EngineException e) {
            if (progress != null) {
                boolean warning = tolerateFailures || p.buildable();
                progress.event(p.service(), warning ? "Warning" : "Error", e.getMessage(), true);
            }
            return new Outcome(p, e);
        }
    }

    /** Whether the engine has {@code image} already. */
    static boolean present(EngineClient engine, String image) {
        try {
            engine.get("/images/" + dev.jcompose.cli.image.ImagePath.of(ImageReference.parse(image).toString()) + "/json");
            return true;
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }
}
