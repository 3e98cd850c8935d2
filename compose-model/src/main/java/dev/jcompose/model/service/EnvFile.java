package dev.jcompose.model.service;

/** An {@code env_file} entry: absolute path, required (default true), format (null or "raw"). */
public record EnvFile(String path, boolean required, String format) {
}
