package dev.jcompose.engine.lifecycle;

/**
 * A task many threads ask for at once, run as few times as correctness allows ("group commit"):
 * {@link #run()} returns only after a run that began after the call, so the caller sees every change
 * it made before calling; callers that arrive while a run is going share the next one. Thirty
 * containers starting together rebuild the hosts files and the DNS table a few times, not thirty.
 * The task must not wait for anything a caller may hold while it calls {@link #run()}.
 */
final class CoalescedTask {
    private final Runnable task;
    private long requested;
    private long completed;
    private boolean running;

    CoalescedTask(Runnable task) {
        this.task = task;
    }

    void run() {
        long upTo;
        synchronized (this) {
            long ticket = ++requested;
            boolean interrupted = false;
            while (completed < ticket && running) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (completed >= ticket) {
                return;
            }
            running = true;
            upTo = requested; // every request so far has made its change: this run covers them all
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                running = false;
                completed = Math.max(completed, upTo);
                notifyAll();
            }
        }
    }
}
