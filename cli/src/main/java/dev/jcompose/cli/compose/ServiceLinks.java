package dev.jcompose.cli.compose;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's {@code links} and {@code external_links} as the engine takes them ({@code HostConfig.Links} and the
 * main endpoint's {@code Links}): {@code <container>:<alias>}, one per replica of a linked service (the alias is
 * the service name when none is given), as docker compose's getLinks sends them.
 */
public final class ServiceLinks {
    private ServiceLinks() {
    }

    public static List<String> of(Project p, Service s) {
        List<String> out = new ArrayList<>();
        for (String link : s.networking().links()) {
            int colon = link.indexOf(':');
            String target = colon < 0 ? link : link.substring(0, colon);
            String alias = colon < 0 ? target : link.substring(colon + 1);
            Service linked = p.services().get(target);
            if (linked == null) {
                continue; // a link to a service outside the selection: the model's consistency check reports it
            }
            if (linked.containerName() != null) {
                out.add(linked.containerName() + ":" + alias);
                continue;
            }
            for (int n = 1; n <= Math.max(1, linked.lifecycle().replicas()); n++) {
                out.add(p.name() + "-" + target + "-" + n + ":" + alias);
            }
        }
        for (String link : s.networking().externalLinks()) {
            int colon = link.indexOf(':');
            out.add(colon < 0 ? link + ":" + link : link);
        }
        return out;
    }
}
