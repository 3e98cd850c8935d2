package dev.jcompose.model.load.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YamlReader;
import org.junit.jupiter.api.Test;

/** go-yaml v3's scalar styles and layout, and that what is written reads back to the same values. */
class YamlWriterTest {
    private static YNode read(String yaml) {
        return YamlReader.read("t.yaml", yaml).orElseThrow();
    }

    @Test
    void quotingFollowsGoYaml() {
        String in = """
                number: "8080"
                float: "1.5"
                bool: "true"
                oldbool: "yes"
                onword: "on"
                nul: "null"
                empty: ""
                base60: "1:20"
                plain: tcp://192.168.0.42:123
                colon: "a: b"
                hash: "a #b"
                star: "*all"
                dash: "- x"
                dashword: -p
                lead: " x"
                quote: it's
                tab: "a\\tb"
                date: "2001-12-14"
                range: 8080-8081
                """;
        assertEquals("""
                number: "8080"
                float: "1.5"
                bool: "true"
                oldbool: "yes"
                onword: "on"
                nul: "null"
                empty: ""
                base60: "1:20"
                plain: tcp://192.168.0.42:123
                colon: 'a: b'
                hash: 'a #b'
                star: '*all'
                dash: '- x'
                dashword: -p
                lead: ' x'
                quote: it's
                tab: "a\\tb"
                date: "2001-12-14"
                range: 8080-8081
                """, YamlWriter.write(read(in)));
    }

    @Test
    void layoutAndMultiLineStrings() {
        YNode tree = read("""
                a:
                  list: [1, two, {k: v, k2: [x]}]
                  empty_map: {}
                  empty_list: []
                  none: null
                  script: "FROM alpine\\nRUN echo \\"hello\\" > /world.txt\\n"
                  nofinal: "line1\\nline2"
                """);
        String out = YamlWriter.write(tree);
        assertEquals("""
                a:
                  list:
                    - 1
                    - two
                    - k: v
                      k2:
                        - x
                  empty_map: {}
                  empty_list: []
                  none: null
                  script: |
                    FROM alpine
                    RUN echo "hello" > /world.txt
                  nofinal: |-
                    line1
                    line2
                """, out);
        assertEquals(JsonWriter.compact(tree), JsonWriter.compact(read(out)), "reads back to the same values");
    }

    @Test
    void everyQuotedFormReadsBack() {
        for (String s : new String[] {"8080", "yes", "", "1:20", "a: b", "*x", " lead", "trail ", "it's", "- x", "#c", "@x", "a\tb", "%p", "{x}"}) {
            YNode tree = YMap.empty(null).with("k", dev.jcompose.model.load.Nodes.str(s, null));
            YMap back = (YMap) read(YamlWriter.write(tree));
            assertEquals(s, ((dev.jcompose.model.load.YScalar) back.get("k")).text(), "round trip of [" + s + "]");
        }
    }
}
