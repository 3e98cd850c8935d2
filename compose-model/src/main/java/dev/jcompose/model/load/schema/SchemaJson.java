package dev.jcompose.model.load.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.YTag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the bundled schema (plain JSON) into the same {@link YNode} tree the YAML reader makes of it
 * — strings quoted, numbers, booleans and null plain — with jackson-core's streaming parser: the YAML
 * scanner took most of a short command's schema set-up on its 76 KB.
 */
final class SchemaJson {
    private SchemaJson() {
    }

    static YMap read(String file, byte[] json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ": the schema is not a JSON object");
            }
            return (YMap) node(file, p);
        }
    }

    private static YNode node(String file, JsonParser p) throws IOException {
        Mark mark = mark(file, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
                LinkedHashMap<String, Mark> keyMarks = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    keyMarks.put(key, mark(file, p.currentTokenLocation()));
                    p.nextToken();
                    entries.put(key, node(file, p));
                }
                return new YMap(entries, keyMarks, mark, YTag.NONE);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, p));
                }
                return new YSeq(items, mark, YTag.NONE);
            }
            case VALUE_STRING -> {
                return YScalar.string(p.getText(), mark);
            }
            case VALUE_NUMBER_INT -> {
                return new YScalar(p.getText(), YScalar.Kind.INT, mark, YTag.NONE, true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YScalar(p.getText(), YScalar.Kind.FLOAT, mark, YTag.NONE, true);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YScalar(p.getText(), YScalar.Kind.BOOL, mark, YTag.NONE, true);
            }
            case VALUE_NULL -> {
                return new YScalar("null", YScalar.Kind.NULL, mark, YTag.NONE, true);
            }
            default -> throw new IOException(file + ":" + mark.line() + ":" + mark.column() + ": unexpected " + t);
        }
    }

    private static Mark mark(String file, JsonLocation at) {
        return new Mark(file, at.getLineNr(), at.getColumnNr());
    }
}
