package dev.jcompose.model.service;

import java.util.List;

/** Isolation and privileges: privileged, capabilities, security_opt, user namespace, ipc/pid/uts/cgroup modes, cgroup parent. */
public record ServiceSecurity(boolean privileged, List<String> capAdd, List<String> capDrop, List<String> securityOpt,
                              String usernsMode, String ipc, String pid, String uts, String cgroup, String cgroupParent) {
    public ServiceSecurity {
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpt = List.copyOf(securityOpt);
    }
}
