package dev.jcompose.engine.net.ports;

import java.io.Closeable;

/** One listening socket relaying to a container, with the threads it runs. */
interface Forwarder extends Closeable {
    PublishedPort published();

    @Override
    void close();
}
