package dev.jcompose.cli.compose;

import java.util.List;
import java.util.Map;

/**
 * What {@code run} changes in a service's container: docker compose's run flags after parsing.
 *
 * @param command      the command after SERVICE (empty: the service's)
 * @param entrypoint   {@code --entrypoint}, split as a shell would (null: the service's)
 * @param env          {@code -e KEY=VAL} (already resolved: {@code -e KEY} takes KEY from the caller's environment)
 * @param user         {@code -u} (null: the service's)
 * @param workdir      {@code -w} (null: the service's)
 * @param volumes      {@code -v SRC:DST[:ro]}
 * @param publish      {@code -p [IP:][HOST:]CONTAINER[/PROTO]}
 * @param servicePorts {@code --service-ports}: keep the service's published ports
 * @param useAliases   {@code --use-aliases}: the service name and network aliases as DNS names too
 * @param labels       {@code -l KEY=VAL}
 * @param name         {@code --name} (null: {@code <project>-<service>-run-<12 hex>})
 * @param autoRemove   the engine removes the container when it exits ({@code --rm -d})
 */
public record OneOffOptions(List<String> command, List<String> entrypoint, List<String> env, String user, String workdir,
                            List<String> volumes, List<String> publish, boolean servicePorts, boolean useAliases,
                            Map<String, String> labels, String name, boolean autoRemove) {
    public OneOffOptions {
        command = List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = List.copyOf(env);
        volumes = List.copyOf(volumes);
        publish = List.copyOf(publish);
        labels = Map.copyOf(labels);
    }
}
