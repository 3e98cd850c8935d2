package dev.jcompose.planner.graph;

/** The services' dependencies cannot be ordered: an unknown service or a cycle (the message names it). */
public final class GraphException extends RuntimeException {
    public GraphException(String message) {
        super(message);
    }
}
