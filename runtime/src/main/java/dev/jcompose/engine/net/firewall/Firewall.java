package dev.jcompose.engine.net.firewall;

import java.io.IOException;
import java.util.List;

/**
 * The engine's packet filter: masquerade, isolation between networks, internal networks, and DNAT
 * for published ports. Every call is idempotent: adding what is there replaces it, removing what is
 * not there does nothing.
 */
public interface Firewall {
    void addNetwork(FirewallNetwork network) throws IOException;

    void removeNetwork(String bridge) throws IOException;

    /** Replaces the DNAT rules of {@code owner} (a container) with these. */
    void setPorts(String owner, List<PortRule> rules) throws IOException;

    void removePorts(String owner) throws IOException;

    /** Removes every jcompose rule (engine shutdown, tests). */
    void clear() throws IOException;
}
