package dev.jcompose.engine.volume;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A named volume in Docker's {@code Volume} shape. With the local driver its data lives in
 * {@code Mountpoint} ({@code <root>/volumes/<name>/_data}); {@code Options} ({@code type}, {@code device},
 * {@code o}) ask for a mount there instead, made when a container first uses it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeRecord(
        @JsonProperty("Name") String name,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Mountpoint") String mountpoint,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Scope") String scope,
        @JsonProperty("Options") Map<String, String> options) {

    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

    public VolumeRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }

    /** Whether the data is a mount the engine makes ({@code type}/{@code device} options) rather than the plain directory. */
    public boolean needsMount() {
        return options.containsKey("type") || options.containsKey("device");
    }
}
