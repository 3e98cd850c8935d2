package dev.jcompose.cli.image;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An image name inside an engine API path ({@code /images/example.com/app:1/json}), as the docker
 * CLI sends it: the name's slashes stay path separators (an encoded {@code %2F} is refused by the
 * server as ambiguous), every other reserved character is percent-encoded.
 */
public final class ImagePath {
    private ImagePath() {
    }

    public static String of(String name) {
        return Arrays.stream(name.split("/", -1)).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)).collect(Collectors.joining("/"));
    }
}
