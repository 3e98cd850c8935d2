package dev.jcompose.model.load.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import org.junit.jupiter.api.Test;

/** config --format json as compose-go prints it (full-struct_test.go's fullExampleJSON conventions). */
class JsonWriterTest {
    @Test
    void projectJsonLikeComposeGo() {
        YMap tree = (YMap) YamlReader.read("t.yaml", """
                name: demo
                services:
                  bar:
                    build:
                      context: /work/demo
                      dockerfile_inline: "FROM alpine\\nRUN echo \\"hello\\" > /world.txt\\n"
                    x-hidden: true
                  foo:
                    image: redis
                    command: [sh, -c, "a && b"]
                    ports:
                      - {mode: ingress, target: 80, published: "8080", protocol: tcp}
                networks:
                  default:
                    name: demo_default
                    x-foo: bar
                x-top: 1
                """).orElseThrow();
        assertEquals("""
                {
                  "name": "demo",
                  "networks": {
                    "default": {
                      "name": "demo_default",
                      "ipam": {}
                    }
                  },
                  "services": {
                    "bar": {
                      "build": {
                        "context": "/work/demo",
                        "dockerfile_inline": "FROM alpine\\nRUN echo \\"hello\\" \\u003e /world.txt\\n"
                      },
                      "command": null,
                      "entrypoint": null
                    },
                    "foo": {
                      "command": [
                        "sh",
                        "-c",
                        "a \\u0026\\u0026 b"
                      ],
                      "entrypoint": null,
                      "image": "redis",
                      "ports": [
                        {
                          "mode": "ingress",
                          "target": 80,
                          "published": "8080",
                          "protocol": "tcp"
                        }
                      ]
                    }
                  },
                  "x-top": 1
                }""", JsonWriter.write(tree), "no newline at the end, as docker compose prints it");
    }

    @Test
    void compactIsGoMarshal() {
        YMap tree = (YMap) YamlReader.read("t.yaml", "{b: [1, 2.5, true, null, '<x>'], a: {}}").orElseThrow();
        assertEquals("{\"b\":[1,2.5,true,null,\"\\u003cx\\u003e\"],\"a\":{}}", JsonWriter.compact(tree));
    }
}
