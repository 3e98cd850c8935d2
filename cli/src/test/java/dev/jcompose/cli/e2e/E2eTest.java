package dev.jcompose.cli.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every ported docker/compose e2e test class shares: a temporary directory per test ({@code dir}), the
 * {@link E2eFixture} a test starts in it ({@code c = E2eFixture.start(dir, …)}), closed after the test whatever
 * happened (its engine stopped, its containers, networks and state removed).
 */
@Tag("root")
abstract class E2eTest {
    @TempDir
    Path dir;
    E2eFixture c;

    @AfterEach
    void closeFixture() {
        if (c != null) {
            c.close();
        }
    }
}
