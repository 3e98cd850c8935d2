package dev.jcompose.model.load;

import dev.jcompose.model.Mark;
import java.util.List;

/** A YAML sequence. */
public record YSeq(List<YNode> items, Mark mark, YTag tag) implements YNode {

    public YSeq {
        items = List.copyOf(items);
        tag = tag == null ? YTag.NONE : tag;
    }

    @Override
    public YSeq withTag(YTag t) {
        return new YSeq(items, mark, t);
    }

    @Override
    public String kindName() {
        return "sequence";
    }
}
