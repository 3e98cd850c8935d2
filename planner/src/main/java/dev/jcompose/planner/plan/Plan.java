package dev.jcompose.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to do, as a DAG: steps numbered in a valid order, each listing the steps it must wait for.
 * The executor runs any step whose predecessors are done, in parallel up to its limit.
 * {@link #text()} is one line per step ({@code #3 start container demo-web-1 after #1 #2}), used in
 * golden tests and by {@code --dry-run}.
 */
public record Plan(List<Node> nodes) {

    public record Node(int id, Step step, Set<Integer> after) {
        public Node {
            after = Set.copyOf(after);
        }
    }

    public Plan {
        nodes = List.copyOf(nodes);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append('#').append(n.id()).append(' ').append(n.step().text());
            if (!n.after().isEmpty()) {
                sb.append(" after");
                new TreeSet<>(n.after()).forEach(a -> sb.append(" #").append(a));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Builds a plan step by step; ids are given in insertion order, so predecessors always come first. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();

        public int add(Step step, Set<Integer> after) {
            int id = nodes.size() + 1;
            for (int a : after) {
                if (a <= 0 || a >= id) {
                    throw new IllegalArgumentException("step " + id + " (" + step.text() + ") cannot wait for #" + a);
                }
            }
            nodes.add(new Node(id, step, after));
            return id;
        }

        public Plan build() {
            return new Plan(nodes);
        }
    }
}
