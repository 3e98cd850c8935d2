package dev.jcompose.engine.image.registry;

import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.nio.file.Path;

/** {@code PullMain STORE_ROOT REFERENCE}: a pull in its own JVM, for tests that kill it halfway. Prints progress lines. */
public final class PullMain {
    private PullMain() {
    }

    public static void main(String[] args) throws Exception {
        NativeFs fs = new NativeFs();
        ImageStore store = ImageStore.open(Path.of(args[0]), new LayerUnpacker(fs, UnpackOptions.forCurrentUser(fs)));
        ImagePuller puller = new ImagePuller(new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), store);
        ImageRecord r = puller.pull(ImageReference.parse(args[1]), Platform.parse("linux/amd64"), (id, status, current, total) -> {
            if (total == 0) {
                System.out.println((id == null ? "" : id + ": ") + status);
            }
        });
        System.out.println("pulled " + r.id());
    }
}
