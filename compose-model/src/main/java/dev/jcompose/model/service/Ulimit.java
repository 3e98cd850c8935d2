package dev.jcompose.model.service;

/** A resource limit ({@code nofile}, {@code nproc} …) with soft and hard values. */
public record Ulimit(long soft, long hard) {
}
