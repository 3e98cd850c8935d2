package dev.jcompose.engine.api;

import java.io.IOException;

/** A handler for one API endpoint. */
@FunctionalInterface
public interface Route {
    void handle(ApiExchange exchange) throws IOException;
}
