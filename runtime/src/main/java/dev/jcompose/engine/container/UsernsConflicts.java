package dev.jcompose.engine.container;

/**
 * What dockerd refuses at create while it remaps containers into a user namespace ({@code --userns-remap}),
 * unless the container opts out with {@code UsernsMode: host}: privileged mode, the host's network and
 * PID namespaces. Same messages, as 400s.
 */
final class UsernsConflicts {
    private UsernsConflicts() {
    }

    static void check(HostConfig h) {
        if (h == null || "host".equals(h.usernsMode())) {
            return;
        }
        if (Boolean.TRUE.equals(h.privileged())) {
            throw ContainerException.badParameter("privileged mode is incompatible with user namespaces.  You must run the container "
                    + "in the host namespace when running privileged mode");
        }
        if (h.effectiveNetworkMode().equals("host")) {
            throw ContainerException.badParameter("cannot share the host's network namespace when user namespaces are enabled");
        }
        if ("host".equals(h.pidMode())) {
            throw ContainerException.badParameter("cannot share the host PID namespace when user namespaces are enabled");
        }
    }
}
