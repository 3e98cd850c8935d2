package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.volume.VolumeRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which {@code Config.Volumes} paths get an anonymous volume of their own, and how {@code Mounts} lists them. */
class ImageVolumesTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static ContainerRecord record(String json) throws Exception {
        return JSON.readValue(json, ContainerRecord.class);
    }

    @Test
    void pathsNoBindMountOrTmpfsCoversInPathOrder() throws Exception {
        ContainerRecord r = record("""
                {"Id":"c1","Name":"/c1",
                 "Config":{"Image":"img","Volumes":{"/var/lib/db/":{},"/seed":{},"/bound":{},"/mounted":{},"/scratch":{},"/cache":{}}},
                 "HostConfig":{"Binds":["/srv:/bound:ro"],"Mounts":[{"Type":"volume","Source":"named","Target":"/mounted"}],
                               "Tmpfs":{"/scratch":""}}}
                """);
        assertEquals(List.of("/cache", "/seed", "/var/lib/db"), ImageVolumes.uncovered(r));
    }

    @Test
    void eachGetsAnAnonymousVolumeInMountsAndKeepsItOnTheNextStart() throws Exception {
        ContainerRecord r = record("""
                {"Id":"c2","Name":"/c2","Config":{"Image":"img","Volumes":{"/seed":{}}},"HostConfig":{}}
                """);
        int[] made = {0};
        java.util.function.Function<String, VolumeRecord> volume = asked -> {
            String name = asked.isEmpty() ? "anon" + ++made[0] : asked;
            return new VolumeRecord(name, "local", "/v/" + name + "/_data", "", Map.of(), "local", Map.of());
        };
        List<ContainerRecord.MountPoint> first = ContainerMounts.of(r, volume);
        assertEquals(List.of(new ContainerRecord.MountPoint("volume", "anon1", "/v/anon1/_data", "/seed", "local", "", true, "")), first);
        assertEquals(first, ContainerMounts.of(r.withMounts(first), volume), "the recorded volume is used again");
        assertEquals(1, made[0]);
    }
}
