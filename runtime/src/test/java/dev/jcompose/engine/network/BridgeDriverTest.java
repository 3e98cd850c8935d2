package dev.jcompose.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The driver's pure parts: Docker's MAC from the address, link-local addresses with their masks. */
class BridgeDriverTest {
    @Test
    void macFromTheIpv4AddressAsDocker() throws Exception {
        assertEquals("02:42:0a:d5:2e:03", BridgeDriver.derivedMac("10.213.46.3").toString());
        assertEquals("02:42:ac:11:00:02", BridgeDriver.derivedMac("172.17.0.2").toString());
        assertTrue(BridgeDriver.isDerivedMac("02:42:AC:11:00:02", "172.17.0.2"));
        assertFalse(BridgeDriver.isDerivedMac("02:42:de:ad:be:ef", "172.17.0.2"), "asked for, so kept");
        assertFalse(BridgeDriver.isDerivedMac("", "172.17.0.2"));
        assertFalse(BridgeDriver.isDerivedMac("02:42:ac:11:00:02", ""));
    }

    @Test
    void withoutIpv4TheMacIsRandomUnicastAndLocallyAdministered() throws Exception {
        byte[] a = BridgeDriver.derivedMac(null).bytes();
        assertEquals(0x02, a[0] & 0x03, "locally administered, unicast");
        assertNotEquals(BridgeDriver.derivedMac(null), BridgeDriver.derivedMac(null));
    }

    @Test
    void linkLocalAddressesTakeDockersMasksAndOnlyLiterals() throws Exception {
        assertEquals("169.254.46.7/16", BridgeDriver.linkLocalCidr("169.254.46.7"));
        assertEquals("fe80::1:7/64", BridgeDriver.linkLocalCidr("fe80::1:7"));
        for (String bad : new String[] {"localhost", "169.254.1", "fe80::zz", "", "999.1.1.1"}) {
            IOException e = assertThrows(IOException.class, () -> BridgeDriver.linkLocalCidr(bad), bad);
            assertEquals("invalid link-local IP address: " + bad, e.getMessage());
        }
    }
}
