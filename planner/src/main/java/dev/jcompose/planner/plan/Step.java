package dev.jcompose.planner.plan;

import dev.jcompose.planner.graph.Dependency.Condition;

/** One small operation of a {@link Plan}; its {@link #text()} is the plan's one-line form. */
public sealed interface Step {
    String text();

    /** The resource progress lines name ({@code Container demo-web-1}), or null for an internal step. */
    default String resource() {
        return null;
    }

    /** docker compose's status words while the step runs and when it is done. */
    default Words words() {
        return new Words("", "");
    }

    record Words(String doing, String done) {
    }

    record CreateNetwork(String name) implements Step {
        public String resource() {
            return "Network " + name;
        }

        public Words words() {
            return new Words("Creating", "Created");
        }

        public String text() {
            return "create network " + name;
        }
    }

    record CreateVolume(String name) implements Step {
        public String resource() {
            return "Volume " + name;
        }

        public Words words() {
            return new Words("Creating", "Created");
        }

        public String text() {
            return "create volume " + name;
        }
    }

    record RemoveNetwork(String name) implements Step {
        public String resource() {
            return "Network " + name;
        }

        public Words words() {
            return new Words("Removing", "Removed");
        }

        public String text() {
            return "remove network " + name;
        }
    }

    record RemoveVolume(String name) implements Step {
        public String resource() {
            return "Volume " + name;
        }

        public Words words() {
            return new Words("Removing", "Removed");
        }

        public String text() {
            return "remove volume " + name;
        }
    }

    record PullImage(String service, String image) implements Step {
        public String resource() {
            return "Image " + image;
        }

        public Words words() {
            return new Words("Pulling", "Pulled");
        }

        public String text() {
            return "pull image " + image + " for " + service;
        }
    }

    /**
     * A new container for replica {@code number} of {@code service} ({@code replaces}: the old one's ID, or null;
     * {@code inherit}: the old one's anonymous volumes it mounts at the same destinations).
     */
    record CreateContainer(String service, int number, String name, String replaces, java.util.List<InheritedMount> inherit)
            implements Step {
        public CreateContainer {
            inherit = inherit == null ? java.util.List.of() : java.util.List.copyOf(inherit);
        }

        public CreateContainer(String service, int number, String name, String replaces) {
            this(service, number, name, replaces, java.util.List.of());
        }

        public String resource() {
            return "Container " + name;
        }

        public Words words() {
            return replaces == null ? new Words("Creating", "Created") : new Words("Recreate", "Recreated");
        }

        public String text() {
            StringBuilder text = new StringBuilder("create container " + name + (replaces == null ? "" : " replacing " + shortId(replaces)));
            if (!inherit.isEmpty()) {
                text.append(" inheriting");
                inherit.forEach(m -> text.append(' ').append(m.source()).append(':').append(m.target()).append(m.readOnly() ? ":ro" : ""));
            }
            return text.toString();
        }
    }

    /** Starts a container: one this plan creates (by name) or an existing stopped one. */
    record StartContainer(String service, String name) implements Step {
        public String resource() {
            return "Container " + name;
        }

        public Words words() {
            return new Words("Starting", "Started");
        }

        public String text() {
            return "start container " + name;
        }
    }

    record StopContainer(String service, String name, String id) implements Step {
        public String resource() {
            return "Container " + name;
        }

        public Words words() {
            return new Words("Stopping", "Stopped");
        }

        public String text() {
            return "stop container " + name;
        }
    }

    /** Restarts a container (stop, then start), as {@code restart}: docker compose shows Restarting, then Started. */
    record RestartContainer(String service, String name, String id) implements Step {
        public String resource() {
            return "Container " + name;
        }

        public Words words() {
            return new Words("Restarting", "Started");
        }

        public String text() {
            return "restart container " + name;
        }
    }

    /** @param anonymousVolumes also remove the container's anonymous volumes ({@code down -v}, as docker compose's RemoveVolumes) */
    record RemoveContainer(String service, String name, String id, boolean anonymousVolumes) implements Step {
        public RemoveContainer(String service, String name, String id) {
            this(service, name, id, false);
        }

        public String resource() {
            return "Container " + name;
        }

        public Words words() {
            return new Words("Removing", "Removed");
        }

        public String text() {
            return "remove container " + name;
        }
    }

    /** Moves an old container out of the way of its replacement ({@code <12 hex>_<name>}, as docker compose does). */
    record RenameContainer(String id, String from, String to) implements Step {
        public String text() {
            return "rename container " + from + " to " + to;
        }
    }

    /** Waits until every container of {@code service} is in {@code condition}. */
    record WaitFor(String service, Condition condition, boolean required) implements Step {
        public String text() {
            return "wait for " + service + " " + condition.composeName + (required ? "" : " (not required)");
        }
    }

    /** Takes a container of {@code service} off network {@code network} (before the network is recreated). */
    record DisconnectNetwork(String service, String name, String id, String network) implements Step {
        public String text() {
            return "disconnect container " + name + " from network " + network;
        }
    }

    /** Attaches replica {@code number} of {@code service} to {@code network} again, with the endpoint its service asks for. */
    record ConnectNetwork(String service, int number, String name, String id, String network) implements Step {
        public String text() {
            return "connect container " + name + " to network " + network;
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
