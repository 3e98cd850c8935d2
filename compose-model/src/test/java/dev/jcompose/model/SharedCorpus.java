package dev.jcompose.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference corpus ({@code shared/corpus/…}) for tests: {@code ../../shared} from a module of
 * the main checkout ({@code /work/main/compose-model}), one level further up from a worktree
 * ({@code /work/wt/NAME/compose-model}). The path stays relative, as error messages print it.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** {@code shared/corpus/<relative>}, relative to the working directory. */
    public static Path path(String relative) {
        for (String up : new String[] {"../../shared", "../../../shared"}) {
            if (Files.isDirectory(Path.of(up, "corpus"))) {
                return Path.of(up, "corpus", relative);
            }
        }
        return Path.of("../../shared/corpus", relative);
    }
}
