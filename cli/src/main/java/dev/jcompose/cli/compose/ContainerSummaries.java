package dev.jcompose.cli.compose;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the engine's container list ({@code GET /containers/json}, Docker's {@code ContainerSummary}
 * array) straight into {@link PsContainer}s with jackson-core's streaming parser: {@code ps} needs no
 * tree and no databind. Fields it does not show are skipped.
 */
public final class ContainerSummaries {
    private ContainerSummaries() {
    }

    /** The containers of a {@code /containers/json} answer, in the engine's order (none for an empty answer, as the tree reader had it). */
    public static List<PsContainer> read(JsonParser p) throws IOException {
        List<PsContainer> out = new ArrayList<>();
        JsonToken first = p.nextToken();
        if (first == null) {
            return out;
        }
        expect(p, first, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(container(p));
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY);
        return out;
    }

    private static PsContainer container(JsonParser p) throws IOException {
        String id = "";
        String name = "";
        String image = "";
        String command = "";
        String state = "";
        String status = "";
        long created = 0;
        Map<String, String> labels = new TreeMap<>();
        List<PsContainer.Publisher> publishers = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        List<String[]> mounts = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "Id" -> id = text(p);
                case "Names" -> name = firstName(p);
                case "Image" -> image = text(p);
                case "Command" -> command = text(p);
                case "State" -> state = text(p);
                case "Status" -> status = text(p);
                case "Created" -> created = value.isNumeric() ? p.getValueAsLong() : 0;
                case "Labels" -> strings(p, labels);
                case "Ports" -> objects(p, port -> publishers.add(publisher(port)));
                case "NetworkSettings" -> networks(p, networks);
                case "Mounts" -> objects(p, m -> mounts.add(new String[] {m.getOrDefault("Type", ""), m.getOrDefault("Name", ""),
                        m.getOrDefault("Source", "")}));
                default -> p.skipChildren();
            }
        }
        return PsContainer.of(id, name, image, command, created, state, status, labels, publishers, networks, mounts);
    }

    private static PsContainer.Publisher publisher(Map<String, String> port) {
        String ip = port.getOrDefault("IP", "");
        String published = port.get("PublicPort");
        return new PsContainer.Publisher(published != null ? (ip.isEmpty() ? "0.0.0.0" : ip) : "", number(port.get("PrivatePort")),
                number(published), port.getOrDefault("Type", "tcp"));
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code Names[0]} without its leading slash. */
    private static String firstName(JsonParser p) throws IOException {
        String first = null;
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (first == null) {
                    first = text(p);
                }
                p.skipChildren();
            }
        } else {
            p.skipChildren();
        }
        return first == null ? "" : first.startsWith("/") ? first.substring(1) : first;
    }

    /** The names of {@code NetworkSettings.Networks}, in order. */
    private static void networks(JsonParser p, List<String> into) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("Networks") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    into.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private interface ObjectSink {
        void accept(Map<String, String> fields);
    }

    /** An array of flat objects, each handed over as its scalar fields (as text). */
    private static void objects(JsonParser p, ObjectSink sink) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = new TreeMap<>();
                strings(p, fields);
                sink.accept(fields);
            } else {
                p.skipChildren();
            }
        }
    }

    /** An object's scalar fields as text (null values and nested values left out). */
    private static void strings(JsonParser p, Map<String, String> into) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                into.put(key, p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "the container list: expected " + wanted + ", got " + got);
        }
    }
}
