package dev.jcompose.model.load;

import dev.jcompose.model.Mark;

/**
 * A YAML value as the loader sees it: an immutable tree of mappings, sequences and scalars, each
 * node remembering where it was written. Anchors, aliases and {@code <<} merge keys are already
 * resolved when a tree is built by {@link YamlReader}; {@code !reset} and {@code !override} are kept as
 * a {@link YTag} for the merge stage to act on.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {

    /** Where the value starts in its file. */
    Mark mark();

    /** The compose merge tag on this node, {@link YTag#NONE} when absent. */
    YTag tag();

    /** The same node with another merge tag. */
    YNode withTag(YTag tag);

    /** A short name of the node's kind for error messages: "mapping", "sequence", "string", ... */
    String kindName();
}
