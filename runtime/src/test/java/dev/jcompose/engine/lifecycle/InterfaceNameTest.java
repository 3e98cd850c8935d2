package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.network.NetworkException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container-side name of an endpoint's veth: {@code com.docker.network.endpoint.ifname}, else {@code ethN}. */
class InterfaceNameTest {
    private static EndpointSettings asking(Map<String, String> driverOpts) {
        return new EndpointSettings(null, null, null, null, driverOpts, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void theDriverOptionNamesTheInterfaceElseEthIndex() {
        assertEquals("foobar", NetworkAttachments.interfaceName(asking(Map.of(NetworkAttachments.IFNAME_OPTION, "foobar")), 0));
        assertEquals("eth1", NetworkAttachments.interfaceName(asking(Map.of("other", "x")), 1));
        assertEquals("eth0", NetworkAttachments.interfaceName(null, 0));
    }

    @Test
    void aNameTheKernelRefusesIsABadRequest() {
        NetworkException e = assertThrows(NetworkException.class,
                () -> NetworkAttachments.interfaceName(asking(Map.of(NetworkAttachments.IFNAME_OPTION, "a-name-far-too-long")), 0));
        assertTrue(e.getMessage().contains("a-name-far-too-long"), e.getMessage());
        assertThrows(NetworkException.class, () -> NetworkAttachments.interfaceName(asking(Map.of(NetworkAttachments.IFNAME_OPTION, "a/b")), 0));
    }
}
