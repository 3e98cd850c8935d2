package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.service.ServicePort;
import dev.jcompose.model.service.ServiceVolume;

/** The HostConfig part of a service's create request: mounts, ports, network mode, restart policy, security, resources. */
final class HostConfigBuilder {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HostConfigBuilder() {
    }

    static ObjectNode build(Project p, Service s) {
        ObjectNode h = F.objectNode();
        ArrayNode mounts = F.arrayNode();
        for (ServiceVolume v : s.storage().volumes()) {
            ObjectNode m = F.objectNode();
            m.put("Type", v.type());
            if (ContainerRequest.isNamedVolume(v)) {
                var decl = p.volumes().get(v.source());
                m.put("Source", decl == null ? v.source() : decl.name());
            } else if (v.source() != null) {
                m.put("Source", v.source());
            }
            m.put("Target", v.target());
            if (v.readOnly()) {
                m.put("ReadOnly", true);
            }
            if (v.bind() != null && v.bind().propagation() != null) {
                m.set("BindOptions", F.objectNode().put("Propagation", v.bind().propagation()));
            }
            if (v.tmpfs() != null && v.tmpfs().size() > 0) {
                m.set("TmpfsOptions", F.objectNode().put("SizeBytes", v.tmpfs().size()));
            }
            mounts.add(m);
        }
        FileObjectMounts.add(mounts, p, s.storage().configs(), s.storage().secrets());
        h.set("Mounts", mounts);
        ObjectNode bindings = F.objectNode();
        for (ServicePort port : s.networking().ports()) {
            // every ports entry is published; no published port ("8080", "127.0.0.1::8080") means a random one: HostPort ""
            ArrayNode list = bindings.has(ContainerRequest.portKey(port)) ? (ArrayNode) bindings.get(ContainerRequest.portKey(port))
                    : bindings.putArray(ContainerRequest.portKey(port));
            ObjectNode b = list.addObject();
            b.put("HostIp", port.hostIp() == null ? "" : port.hostIp());
            b.put("HostPort", port.published() == null ? "" : port.published());
        }
        h.set("PortBindings", bindings);
        String mode = s.networking().networkMode();
        if (mode == null) {
            String first = s.networking().networks().keySet().stream().findFirst().orElse("default");
            var n = p.networks().get(first);
            h.put("NetworkMode", n == null ? first : n.name());
        } else if (mode.startsWith("service:")) {
            h.put("NetworkMode", "container:" + p.name() + "-" + mode.substring(8) + "-1");
        } else {
            h.put("NetworkMode", mode);
        }
        String restart = s.lifecycle().restart();
        ObjectNode policy = h.putObject("RestartPolicy");
        policy.put("Name", restart.startsWith("on-failure") ? "on-failure" : restart);
        policy.put("MaximumRetryCount", restart.startsWith("on-failure:") ? Integer.parseInt(restart.substring(11)) : 0);
        h.set("CapAdd", ContainerRequest.strings(s.security().capAdd()));
        h.set("CapDrop", ContainerRequest.strings(s.security().capDrop()));
        h.put("Privileged", s.security().privileged());
        if (s.security().usernsMode() != null) {
            h.put("UsernsMode", s.security().usernsMode());
        }
        h.put("ReadonlyRootfs", s.storage().readOnly());
        h.set("SecurityOpt", ContainerRequest.strings(s.security().securityOpt()));
        h.set("ExtraHosts", ContainerRequest.strings(s.networking().extraHosts()));
        h.set("Links", ContainerRequest.strings(ServiceLinks.of(p, s)));
        h.set("Dns", ContainerRequest.strings(s.networking().dns()));
        h.set("DnsSearch", ContainerRequest.strings(s.networking().dnsSearch()));
        h.set("DnsOptions", ContainerRequest.strings(s.networking().dnsOpt()));
        h.set("GroupAdd", ContainerRequest.strings(s.process().groupAdd()));
        ObjectNode sysctls = h.putObject("Sysctls");
        s.process().sysctls().forEach(sysctls::put);
        ArrayNode ulimits = h.putArray("Ulimits");
        s.process().ulimits().forEach((name, u) -> ulimits.addObject().put("Name", name).put("Soft", u.soft()).put("Hard", u.hard()));
        ObjectNode tmpfs = h.putObject("Tmpfs");
        s.storage().tmpfs().forEach(t -> tmpfs.put(t.split(":")[0], t.contains(":") ? t.substring(t.indexOf(':') + 1) : ""));
        if (s.storage().shmSize() != null) {
            h.put("ShmSize", s.storage().shmSize());
        }
        var r = s.resources();
        if (r.memLimit() != null) {
            h.put("Memory", r.memLimit());
        }
        if (r.cpus() != null) {
            h.put("NanoCpus", (long) (r.cpus() * 1e9));
        }
        if (r.pidsLimit() != null) {
            h.put("PidsLimit", r.pidsLimit());
        }
        if (r.oomScoreAdj() != null) {
            h.put("OomScoreAdj", r.oomScoreAdj());
        }
        BlkioFields.put(h, s.options().blkioConfig());
        if (s.process().init() != null) {
            h.put("Init", s.process().init());
        }
        var logging = s.lifecycle().logging();
        if (logging != null) {
            ObjectNode log = h.putObject("LogConfig").put("Type", logging.driver() == null ? "" : logging.driver());
            ObjectNode options = log.putObject("Config");
            logging.options().forEach(options::put);
        }
        return h;
    }
}
