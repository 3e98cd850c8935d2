package dev.jcompose.model;

import dev.jcompose.model.service.BuildConfig;
import dev.jcompose.model.service.Deploy;
import dev.jcompose.model.service.ServiceLifecycle;
import dev.jcompose.model.service.ServiceNetworking;
import dev.jcompose.model.service.ServiceOptions;
import dev.jcompose.model.service.ServiceProcess;
import dev.jcompose.model.service.ServiceResources;
import dev.jcompose.model.service.ServiceSecurity;
import dev.jcompose.model.service.ServiceStorage;
import java.util.Map;

/**
 * One service of a project, typed, grouped by concern (process, networking, storage, security,
 * resources, lifecycle, other options, deploy as data); {@code configHash} is what docker compose stores in the
 * {@code com.docker.compose.config-hash} label to decide whether a container must be recreated.
 */
public record Service(String name, String image, BuildConfig build, String containerName, Map<String, String> labels,
                      Map<String, String> annotations, ServiceProcess process, ServiceNetworking networking,
                      ServiceStorage storage, ServiceSecurity security, ServiceResources resources, ServiceLifecycle lifecycle,
                      String configHash, ServiceOptions options, Deploy deploy) {
    public Service {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** The image to run: {@code image}, or {@code <project>-<service>} for a service that is only built. */
    public String imageOr(String project) {
        return image != null ? image : project + "-" + name;
    }
}
