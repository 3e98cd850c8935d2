package dev.jcompose.engine.ipam;

import java.util.List;

/** The destinations the host already routes (so a new network's pool avoids them); faked in tests. */
public interface HostRoutes {
    List<Subnet> routes();

    HostRoutes NONE = List::of;
}
