package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link LoadWarmup} prepares ahead for a command line: nothing where no compose file is loaded. */
class LoadWarmupTest {
    @Test
    void configLoadsTheSchemaOnly() {
        assertEquals(List.of(LoadWarmup.SCHEMA), LoadWarmup.classesFor("-f", "compose.yaml", "config", "--services"));
        assertEquals(List.of(LoadWarmup.SCHEMA), LoadWarmup.classesFor("convert"));
    }

    @Test
    void engineVerbsAlsoGetTheEngineClient() {
        assertEquals(List.of(LoadWarmup.SCHEMA, LoadWarmup.ENGINE_CLIENT), LoadWarmup.classesFor("-p", "demo", "ps", "-a"));
        assertEquals(List.of(LoadWarmup.SCHEMA, LoadWarmup.ENGINE_CLIENT), LoadWarmup.classesFor("up", "-d"));
    }

    @Test
    void verbsWithoutAProjectAndUsageGetNothing() {
        for (String[] args : List.of(new String[0], new String[] {"engine", "--root", "/tmp/x"}, new String[] {"version"},
                new String[] {"image", "ls"}, new String[] {"ls", "-a"}, new String[] {"--help"}, new String[] {"-V"})) {
            assertEquals(List.of(), LoadWarmup.classesFor(args), String.join(" ", args));
        }
    }

    @Test
    void theWarmedClassesExist() throws ClassNotFoundException {
        for (String name : LoadWarmup.classesFor("ps")) {
            Class.forName(name, false, LoadWarmupTest.class.getClassLoader());
        }
    }
}
