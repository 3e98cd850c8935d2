package dev.jcompose.planner.plan;

/**
 * A mount a replacement container takes over from the container it replaces (docker compose passes the old
 * container's anonymous volumes on, by name, at the same destination).
 *
 * @param type     the old mount's type ({@code volume}, or {@code bind})
 * @param source   the volume's name, or the bind's host path
 * @param target   the destination inside the container
 * @param readOnly as the old mount was
 */
public record InheritedMount(String type, String source, String target, boolean readOnly) {
}
