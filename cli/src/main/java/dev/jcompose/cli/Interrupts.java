package dev.jcompose.cli;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that must clean up, as attached {@code up} does: the
 * handler is told how many times it has been asked (1: stop gracefully, 2: force). Installed only
 * while the command runs; {@link #close} restores the JVM's own handlers.
 */
public final class Interrupts implements AutoCloseable {
    private final AtomicInteger count = new AtomicInteger();
    private final java.util.List<Installed> previous = new java.util.ArrayList<>();

    private record Installed(Signal signal, SignalHandler before) {
    }

    public Interrupts(IntConsumer onInterrupt) {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal signal = new Signal(name);
            previous.add(new Installed(signal, Signal.handle(signal, s -> onInterrupt.accept(count.incrementAndGet()))));
        }
    }

    @Override
    public void close() {
        for (Installed p : previous) {
            Signal.handle(p.signal(), p.before());
        }
    }
}
