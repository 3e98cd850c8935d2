package dev.jcompose.engine.network;

import dev.jcompose.engine.container.EndpointSettings;
import java.io.IOException;

/** What the network API needs from the container runtime: the kernel side of networks and of container endpoints. */
public interface NetworkKernel {
    /** Tears down the kernel side of a removed network (its bridge, rules, DNS listener). */
    void removed(NetworkRecord n);

    /** Connects a container (running: now; stopped: at its next start) to {@code network}. */
    void connect(String container, String network, EndpointSettings endpoint) throws IOException;

    /** The running containers with an endpoint on {@code network}, by container ID, as inspect shows them. */
    java.util.Map<String, NetworkRecord.Member> members(String network);

    /** Takes a container off {@code network}. */
    void disconnect(String container, String network, boolean force) throws IOException;
}
