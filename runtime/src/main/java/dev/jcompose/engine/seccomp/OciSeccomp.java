package dev.jcompose.engine.seccomp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A profile as the OCI runtime spec's {@code linux.seccomp} object (what runc and crun take), with
 * the rules that apply to the given capabilities already chosen, for x86_64 — the same filter the
 * shim installs from {@link SeccompCompiler}, so runc can run the same bundle for comparison.
 */
public final class OciSeccomp {
    private OciSeccomp() {
    }

    public static String json(SeccompProfile profile, Set<String> capabilities) {
        StringBuilder b = new StringBuilder("{");
        action(b, profile.defaultAction(), "defaultAction", "defaultErrnoRet");
        b.append(",\"architectures\":[\"SCMP_ARCH_X86_64\"],\"syscalls\":[");
        List<String> rules = new ArrayList<>();
        for (SeccompRule rule : profile.rules()) {
            if (!rule.appliesTo(capabilities)) {
                continue;
            }
            StringBuilder r = new StringBuilder("{\"names\":[");
            r.append(String.join(",", rule.names().stream().map(n -> "\"" + n + "\"").toList())).append("],");
            action(r, rule.action(), "action", "errnoRet");
            if (!rule.args().isEmpty()) {
                List<String> args = new ArrayList<>();
                for (ArgCondition c : rule.args()) {
                    args.add("{\"index\":" + c.index() + ",\"value\":" + Long.toUnsignedString(c.value()) + ",\"valueTwo\":"
                            + Long.toUnsignedString(c.valueTwo()) + ",\"op\":\"SCMP_CMP_" + c.op().name() + "\"}");
                }
                r.append(",\"args\":[").append(String.join(",", args)).append(']');
            }
            rules.add(r.append('}').toString());
        }
        return b.append(String.join(",", rules)).append("]}").toString();
    }

    private static void action(StringBuilder b, SeccompAction a, String actionKey, String errnoKey) {
        b.append('"').append(actionKey).append("\":\"SCMP_ACT_").append(a.kind().name()).append('"');
        if (a.kind() == SeccompAction.Kind.ERRNO) {
            b.append(",\"").append(errnoKey).append("\":").append(a.errno());
        }
    }
}
