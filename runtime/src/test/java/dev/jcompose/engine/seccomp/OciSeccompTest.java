package dev.jcompose.engine.seccomp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OciSeccompTest {
    @Test
    void theRulesForTheCapabilitiesInOciShape() {
        String plain = OciSeccomp.json(DockerSeccompProfile.profile(), Set.of("CAP_CHOWN"));
        assertTrue(plain.startsWith("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1,\"architectures\":[\"SCMP_ARCH_X86_64\"]"),
                plain);
        assertTrue(plain.contains("{\"names\":[\"clone3\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38}"), plain);
        assertTrue(plain.contains("{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":40,"
                + "\"valueTwo\":0,\"op\":\"SCMP_CMP_NE\"}]}"), plain);
        assertTrue(plain.contains("\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\""), plain);
        assertFalse(plain.contains("\"mount\""), plain);
        String admin = OciSeccomp.json(DockerSeccompProfile.profile(), Set.of("CAP_SYS_ADMIN"));
        assertTrue(admin.contains("\"mount\""), admin);
        assertFalse(admin.contains("clone3\"],\"action\":\"SCMP_ACT_ERRNO\""), admin);
    }
}
