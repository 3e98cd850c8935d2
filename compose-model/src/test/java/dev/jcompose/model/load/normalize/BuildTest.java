package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** build: absolute context, default Dockerfile, args/labels maps, compose-go's field order. */
class BuildTest {
    @Test
    void stringBuildIsAContextWithDefaults() {
        assertEquals("""
                build:
                  context: /work/demo/dir
                  dockerfile: Dockerfile
                """, attribute("""
                services:
                  foo:
                    build: ./dir
                """, "foo", "build"));
    }

    @Test
    void longBuildInStructOrder() {
        assertEquals("""
                build:
                  context: /work/demo
                  dockerfile: alt.Dockerfile
                  args:
                    FROM_ENV: env-value
                    foo: bar
                  labels:
                    FOO: BAR
                  cache_from:
                    - foo
                    - bar
                  network: host
                  target: prod
                  shm_size: "268435456"
                """, attribute("""
                services:
                  foo:
                    build:
                      shm_size: 256m
                      target: prod
                      network: host
                      cache_from: [foo, bar]
                      labels: [FOO=BAR]
                      args: [foo=bar, UNSET, FROM_ENV]
                      dockerfile: alt.Dockerfile
                """, "foo", "build"));
    }

    @Test
    void inlineDockerfileHasNoDefaultDockerfile() {
        assertEquals("""
                build:
                  context: /work/demo
                  dockerfile_inline: |
                    FROM alpine
                    RUN echo "hello" > /world.txt
                """, attribute("""
                services:
                  bar:
                    build:
                      dockerfile_inline: |
                        FROM alpine
                        RUN echo "hello" > /world.txt
                """, "bar", "build"));
    }

    @Test
    void remoteContextsStayAsWritten() {
        assertEquals("""
                build:
                  context: https://github.com/docker/rootfs.git#main
                  dockerfile: Dockerfile
                  additional_contexts:
                    base: docker-image://alpine:3.19
                    src: /work/demo/src
                """, attribute("""
                services:
                  foo:
                    build:
                      context: https://github.com/docker/rootfs.git#main
                      additional_contexts:
                        src: ./src
                        base: docker-image://alpine:3.19
                """, "foo", "build"));
    }
}
