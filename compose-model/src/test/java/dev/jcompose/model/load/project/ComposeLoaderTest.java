package dev.jcompose.model.load.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.assemble.ProjectOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loading pipeline on files written by the test: discovery, env, merge, extends, include, profiles, output. */
class ComposeLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private LoadedProject load(Path cwd, Map<String, String> env, List<String> files, List<String> profiles, List<String> services) {
        return ComposeLoader.load(new ProjectOptions(cwd, files, null, null, List.of(), profiles, services, env, () -> "", true));
    }

    private LoadedProject load(Map<String, String> env) {
        return load(dir, env, List.of(), List.of(), List.of());
    }

    @Test
    void discoveryOverrideFileEnvPrecedenceAndDirectoryName() throws IOException {
        dir = Files.createDirectories(dir.resolve("My_App"));
        write("compose.yaml", """
                services:
                  web:
                    image: "nginx:${TAG:-latest}"
                    ports: ["8080:80", "9000-9001:9000-9001/udp"]
                    environment: [A=1, FROM_SHELL]
                    command: echo "hello world"
                """);
        write("compose.override.yaml", """
                services:
                  web:
                    ports: ["8080:80"]
                    environment:
                      B: 2
                    command: [sh, -c, "exit 0"]
                """);
        write(".env", "TAG=1.25\nFROM_SHELL=dotenv\n");
        Files.createDirectories(dir.resolve("sub/deeper"));
        LoadedProject p = load(dir.resolve("sub/deeper"), Map.of("FROM_SHELL", "shell"), List.of(), List.of(), List.of());
        assertEquals("my_app", p.name(), "directory names are normalised");
        String yaml = p.yaml();
        assertTrue(yaml.contains("image: nginx:1.25"), yaml);
        assertTrue(yaml.contains("FROM_SHELL: shell"), "the shell wins over .env: " + yaml);
        assertTrue(yaml.contains("""
                    command:
                      - sh
                      - -c
                      - exit 0
                """), yaml);
        assertEquals(3, yaml.split("target: ").length - 1, "8080:80 once, and the two udp ports: " + yaml);
        assertTrue(yaml.contains("published: \"9001\""), yaml);
        assertTrue(yaml.contains("networks:\n  default:\n    name: my_app_default\n"), yaml);
    }

    /** e2e TestNestedDotEnv and TestComposeFileSetByDotEnv: the working directory's .env completes the process environment first. */
    @Test
    void theWorkingDirectorysDotEnvWinsOverTheProjectsAndSteersDiscovery() throws IOException {
        write("compose.yaml", "services:\n  echo:\n    image: \"alpine:${TAG}\"\n    command: echo $ROOT $SUB win=$WIN\n");
        write(".env", "ROOT=root\nWIN=root\nTAG=${TAG:-root}\n");
        write("sub/.env", "SUB=sub\nWIN=sub\nTAG=sub\n");
        String yaml = load(dir.resolve("sub"), Map.of(), List.of(), List.of(), List.of()).yaml();
        assertTrue(yaml.contains("- root\n      - sub\n      - win=sub\n"), yaml);
        assertTrue(yaml.contains("image: alpine:sub"), "the project's .env is read under the nearer one: " + yaml);
        assertTrue(load(dir, Map.of(), List.of(), List.of(), List.of()).yaml().contains("- win=root\n"));

        write("other/profiled.yaml", "services:\n  extra:\n    image: alpine\n    profiles: [p]\n");
        write("other/.env", "COMPOSE_FILE=../compose.yaml:profiled.yaml\nWIN=other\nCOMPOSE_PROFILES=p\n");
        LoadedProject other = load(dir.resolve("other"), Map.of(), List.of(), List.of(), List.of());
        assertTrue(other.yaml().contains("- win=other\n") && other.serviceNames().contains("extra"), other.yaml());
    }

    /** docker compose's COMPOSE_ENV_FILES: comma-separated env files used when no --env-file is given. */
    @Test
    void composeEnvFilesNamesTheEnvFilesWhenNoEnvFileFlagDoes() throws IOException {
        write("compose.yaml", "services:\n  echo:\n    image: \"alpine:${TAG}\"\n    command: echo $A $B\n");
        write(".env", "TAG=dotenv\nA=dotenv\nB=dotenv\n");
        write("one.env", "TAG=one\nA=one\n");
        write("two.env", "A=two\n");
        String yaml = load(Map.of("COMPOSE_ENV_FILES", "one.env, two.env")).yaml();
        assertTrue(yaml.contains("image: alpine:one") && yaml.contains("- two\n"), "the later file wins: " + yaml);
        assertFalse(yaml.contains("dotenv"), "the named files replace .env: " + yaml);
        LoadedProject flag = ComposeLoader.load(new ProjectOptions(dir, List.of(), null, null, List.of("two.env"), List.of(), List.of(),
                Map.of("COMPOSE_ENV_FILES", "one.env"), () -> "", true));
        assertTrue(flag.yaml().contains("- two\n") && !flag.yaml().contains("alpine:one"), "--env-file wins over the variable: " + flag.yaml());
    }

    /** e2e TestComposeFileSetByProjectDirectory: with --project-directory, the default files are searched there. */
    @Test
    void defaultFilesAreSearchedInTheProjectDirectory() throws IOException {
        write("app/compose.yaml", "services:\n  backend:\n    image: \"${IMAGE:-backend}:latest\"\n");
        Files.createDirectories(dir.resolve("elsewhere"));
        LoadedProject p = ComposeLoader.load(new ProjectOptions(dir.resolve("elsewhere"), List.of(), null, "../app", List.of(), List.of(),
                List.of(), Map.of(), () -> "", true));
        assertTrue(p.yaml().contains("image: backend:latest"), p.yaml());
        assertEquals("app", p.name());
    }

    /** e2e TestUnusedMissingEnvFile: a missing env_file fails the commands that need it, not those that read what exists. */
    @Test
    void missingEnvFilesMatterOnlyWhenRequired() throws IOException {
        write("compose.yaml", "services:\n  a:\n    image: alpine\n  b:\n    image: alpine\n    env_file: [/doesnotexist/.env]\n");
        assertTrue(assertThrows(ComposeException.class, () -> load(Map.of())).getMessage().contains("env file /doesnotexist/.env not found"));
        assertTrue(load(dir, Map.of(), List.of(), List.of(), List.of("a")).serviceNames().contains("a"), "b's env file is not needed for a");
        LoadedProject existing = ComposeLoader.load(new ProjectOptions(dir, List.of(), null, null, List.of(), List.of(), List.of(), Map.of(),
                () -> "", true, true, true, false));
        assertEquals(List.of("a", "b"), existing.serviceNames().stream().sorted().toList());
    }

    @Test
    void extendsFromTheSameAndAnotherFileAndCycles() throws IOException {
        write("common/base.yaml", """
                services:
                  base:
                    image: busybox
                    environment: {LEVEL: base, KEEP: yes}
                    volumes: ["./data:/data"]
                """);
        write("compose.yaml", """
                name: ext
                services:
                  mid:
                    extends: {file: common/base.yaml, service: base}
                    environment: {LEVEL: mid}
                  top:
                    extends: mid
                    cap_add: [NET_ADMIN]
                """);
        String yaml = load(Map.of()).yaml();
        assertTrue(yaml.contains("  top:\n    cap_add:\n      - NET_ADMIN\n    environment:\n      KEEP: \"yes\"\n      LEVEL: mid\n"), yaml);
        assertTrue(yaml.contains("source: " + dir.resolve("common/data")), "paths of the other file are relative to it: " + yaml);
        write("compose.yaml", """
                services:
                  a: {extends: b, image: x}
                  b: {extends: a}
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("circular reference"), e.getMessage());
    }

    @Test
    void includeBringsServicesWithTheirOwnEnvAndConflictsAreErrors() throws IOException {
        write("lib/compose.yaml", """
                services:
                  cache:
                    image: "redis:${REDIS_TAG}"
                    volumes: ["./conf:/conf"]
                """);
        write("lib/.env", "REDIS_TAG=7\n");
        write("compose.yaml", """
                name: inc
                include: [lib/compose.yaml]
                services:
                  app: {image: app, depends_on: [cache]}
                """);
        String yaml = load(Map.of()).yaml();
        assertTrue(yaml.contains("image: redis:7"), yaml);
        assertTrue(yaml.contains("source: " + dir.resolve("lib/conf")), yaml);
        write("compose.yaml", """
                include: [lib/compose.yaml]
                services:
                  cache: {image: other}
                """);
        assertTrue(assertThrows(ComposeException.class, () -> load(Map.of())).getMessage().contains("conflicts"));
    }

    @Test
    void profilesEnableServicesAndNamedServicesEnableTheirProfiles() throws IOException {
        write("compose.yaml", """
                name: prof
                services:
                  app: {image: app}
                  debug: {image: dbg, profiles: [debug]}
                  tool: {image: tool, profiles: [tools], depends_on: [debug]}
                """);
        assertEquals(List.of("app"), load(Map.of()).serviceNames());
        assertEquals(List.of("app", "debug"), load(Map.of("COMPOSE_PROFILES", "debug")).serviceNames());
        ComposeException e = assertThrows(ComposeException.class, () -> load(dir, Map.of(), List.of(), List.of(), List.of("tool")));
        assertTrue(e.getMessage().contains("service \"debug\" is required by \"tool\" but is disabled. Can be enabled by profiles [debug]"),
                e.getMessage());
        assertEquals(List.of("app", "debug", "tool"), load(dir, Map.of(), List.of(), List.of("*"), List.of()).serviceNames());
    }

    @Test
    void badInputIsOneLocatedLine() throws IOException {
        write("compose.yaml", """
                services:
                  web:
                    image: nginx
                    ports: ["80:abc"]
                """);
        assertEquals(dir.resolve("compose.yaml") + ":4:13 services.web.ports[0]: invalid port \"80:abc\": \"abc\" is not a port number",
                assertThrows(ComposeException.class, () -> load(Map.of())).getMessage());
        write("compose.yaml", """
                services:
                  web:
                    image: nginx
                    networks: [front]
                """);
        assertTrue(assertThrows(ComposeException.class, () -> load(Map.of())).getMessage()
                .endsWith("services.web.networks: service \"web\" refers to undefined network front: invalid compose project"));
        write("compose.yaml", "services:\n  web:\n    image: ${IMG:?set IMG}\n");
        assertEquals(dir.resolve("compose.yaml") + ":3:12 services.web.image: required variable IMG is missing a value: set IMG",
                assertThrows(ComposeException.class, () -> load(Map.of())).getMessage());
        Files.delete(dir.resolve("compose.yaml"));
        assertEquals("no configuration file provided: not found",
                assertThrows(ComposeException.class, () -> load(Map.of())).getMessage());
    }

    @Test
    void resetAndOverrideTagsInOverrideFiles() throws IOException {
        write("a.yaml", """
                name: tags
                services:
                  web:
                    image: nginx
                    ports: ["80:80"]
                    environment: {A: "1", B: "2"}
                """);
        write("b.yaml", """
                services:
                  web:
                    ports: !reset []
                    environment: !override {C: "3"}
                """);
        String yaml = load(dir, Map.of(), List.of("a.yaml", "b.yaml"), List.of(), List.of()).yaml();
        assertFalse(yaml.contains("ports"), yaml);
        assertTrue(yaml.contains("environment:\n      C: \"3\"\n    image"), yaml);
    }

    @Test
    void configHashChangesWithTheServiceButNotWithDependsOnOrScale() throws IOException {
        write("compose.yaml", "name: h\nservices:\n  a: {image: x, scale: 1}\n  b: {image: y}\n");
        String before = load(Map.of()).configHash("a");
        write("compose.yaml", "name: h\nservices:\n  a: {image: x, scale: 3, depends_on: [b]}\n  b: {image: y}\n");
        assertEquals(before, load(Map.of()).configHash("a"));
        write("compose.yaml", "name: h\nservices:\n  a: {image: x2}\n  b: {image: y}\n");
        assertFalse(before.equals(load(Map.of()).configHash("a")));
    }
}
