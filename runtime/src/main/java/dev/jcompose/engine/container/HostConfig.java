package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code HostConfig}: how the container is placed on the host (mounts, ports, network mode,
 * restart policy, security, resources), as sent by {@code POST /containers/create}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostConfig(
        @JsonProperty("Binds") List<String> binds,
        @JsonProperty("ContainerIDFile") String containerIdFile,
        @JsonProperty("LogConfig") LogConfig logConfig,
        @JsonProperty("NetworkMode") String networkMode,
        @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
        @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
        @JsonProperty("AutoRemove") Boolean autoRemove,
        @JsonProperty("VolumesFrom") List<String> volumesFrom,
        @JsonProperty("Mounts") List<Mount> mounts,
        @JsonProperty("CapAdd") List<String> capAdd,
        @JsonProperty("CapDrop") List<String> capDrop,
        @JsonProperty("CgroupnsMode") String cgroupnsMode,
        @JsonProperty("Dns") List<String> dns,
        @JsonProperty("DnsOptions") List<String> dnsOptions,
        @JsonProperty("DnsSearch") List<String> dnsSearch,
        @JsonProperty("ExtraHosts") List<String> extraHosts,
        @JsonProperty("GroupAdd") List<String> groupAdd,
        @JsonProperty("IpcMode") String ipcMode,
        @JsonProperty("Links") List<String> links,
        @JsonProperty("OomScoreAdj") Integer oomScoreAdj,
        @JsonProperty("PidMode") String pidMode,
        @JsonProperty("Privileged") Boolean privileged,
        @JsonProperty("PublishAllPorts") Boolean publishAllPorts,
        @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
        @JsonProperty("SecurityOpt") List<String> securityOpt,
        @JsonProperty("Tmpfs") Map<String, String> tmpfs,
        @JsonProperty("UTSMode") String utsMode,
        @JsonProperty("UsernsMode") String usernsMode,
        @JsonProperty("ShmSize") Long shmSize,
        @JsonProperty("Sysctls") Map<String, String> sysctls,
        @JsonProperty("Init") Boolean init,
        @JsonProperty("CgroupParent") String cgroupParent,
        @JsonProperty("CpuShares") Long cpuShares,
        @JsonProperty("Memory") Long memory,
        @JsonProperty("NanoCpus") Long nanoCpus,
        @JsonProperty("CpuPeriod") Long cpuPeriod,
        @JsonProperty("CpuQuota") Long cpuQuota,
        @JsonProperty("CpusetCpus") String cpusetCpus,
        @JsonProperty("CpusetMems") String cpusetMems,
        @JsonProperty("BlkioWeight") Integer blkioWeight,
        @JsonProperty("BlkioWeightDevice") List<WeightDevice> blkioWeightDevice,
        @JsonProperty("BlkioDeviceReadBps") List<ThrottleDevice> blkioDeviceReadBps,
        @JsonProperty("BlkioDeviceWriteBps") List<ThrottleDevice> blkioDeviceWriteBps,
        @JsonProperty("BlkioDeviceReadIOps") List<ThrottleDevice> blkioDeviceReadIOps,
        @JsonProperty("BlkioDeviceWriteIOps") List<ThrottleDevice> blkioDeviceWriteIOps,
        @JsonProperty("Devices") List<DeviceMapping> devices,
        @JsonProperty("DeviceCgroupRules") List<String> deviceCgroupRules,
        @JsonProperty("MemoryReservation") Long memoryReservation,
        @JsonProperty("MemorySwap") Long memorySwap,
        @JsonProperty("MemorySwappiness") Long memorySwappiness,
        @JsonProperty("OomKillDisable") Boolean oomKillDisable,
        @JsonProperty("PidsLimit") Long pidsLimit,
        @JsonProperty("Ulimits") List<Ulimit> ulimits,
        @JsonProperty("MaskedPaths") List<String> maskedPaths,
        @JsonProperty("ReadonlyPaths") List<String> readonlyPaths,
        @JsonProperty("ConsoleSize") List<Integer> consoleSize) {

    public static final HostConfig DEFAULT = new HostConfig(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LogConfig(@JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PortBinding(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {
    }

    /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure} (with MaximumRetryCount). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RestartPolicy(@JsonProperty("Name") String name, @JsonProperty("MaximumRetryCount") Integer maximumRetryCount) {
        public static final RestartPolicy NO = new RestartPolicy("no", 0);

        public boolean isNone() {
            return name == null || name.isEmpty() || name.equals("no");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mount(
            @JsonProperty("Type") String type,
            @JsonProperty("Source") String source,
            @JsonProperty("Target") String target,
            @JsonProperty("ReadOnly") Boolean readOnly,
            @JsonProperty("Consistency") String consistency,
            @JsonProperty("BindOptions") BindOptions bindOptions,
            @JsonProperty("VolumeOptions") VolumeOptions volumeOptions,
            @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions) {
    }

    /** A bind mount's options (Docker's {@code mount.BindOptions}); only {@code Propagation} changes what the engine mounts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BindOptions(
            @JsonProperty("Propagation") String propagation,
            @JsonProperty("NonRecursive") Boolean nonRecursive,
            @JsonProperty("CreateMountpoint") Boolean createMountpoint) {
    }

    /** A volume mount's options (Docker's {@code mount.VolumeOptions}): {@code NoCopy} skips copying the image's content into a new volume. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VolumeOptions(
            @JsonProperty("NoCopy") Boolean noCopy,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("DriverConfig") DriverConfig driverConfig,
            @JsonProperty("Subpath") String subpath) {
    }

    /** The driver a volume mount names when it creates its volume. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DriverConfig(@JsonProperty("Name") String name, @JsonProperty("Options") Map<String, String> options) {
    }

    /** A tmpfs mount's options (Docker's {@code mount.TmpfsOptions}): size in bytes and the root directory's mode. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TmpfsOptions(@JsonProperty("SizeBytes") Long sizeBytes, @JsonProperty("Mode") Integer mode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceMapping(@JsonProperty("PathOnHost") String pathOnHost,
                                @JsonProperty("PathInContainer") String pathInContainer,
                                @JsonProperty("CgroupPermissions") String cgroupPermissions) {
    }

    /** A block device's relative I/O weight ({@code --blkio-weight-device}, compose's {@code blkio_config.weight_device}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WeightDevice(@JsonProperty("Path") String path, @JsonProperty("Weight") Integer weight) {
    }

    /** A block device's rate limit in bytes or operations per second ({@code --device-read-bps} …, {@code blkio_config.device_*}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThrottleDevice(@JsonProperty("Path") String path, @JsonProperty("Rate") Long rate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ulimit(@JsonProperty("Name") String name, @JsonProperty("Soft") Long soft, @JsonProperty("Hard") Long hard) {
    }

    public String effectiveNetworkMode() {
        return networkMode == null || networkMode.isEmpty() || networkMode.equals("default") ? "bridge" : networkMode;
    }

    public RestartPolicy effectiveRestartPolicy() {
        return restartPolicy == null ? RestartPolicy.NO : restartPolicy;
    }

    /** The TTY's first size from {@code ConsoleSize} ([rows, cols], API ≥ 1.42), or null when absent or zero. */
    public int[] initialConsoleSize() {
        if (consoleSize == null || consoleSize.size() != 2 || consoleSize.get(0) == null || consoleSize.get(1) == null
                || consoleSize.get(0) <= 0 || consoleSize.get(1) <= 0) {
            return null;
        }
        return new int[] {Math.min(consoleSize.get(0), 65535), Math.min(consoleSize.get(1), 65535)};
    }

    public boolean autoRemoveEnabled() {
        return Boolean.TRUE.equals(autoRemove);
    }
}
