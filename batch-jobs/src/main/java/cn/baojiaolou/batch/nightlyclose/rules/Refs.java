package cn.baojiaolou.batch.nightlyclose.rules;

import java.util.List;

/** The exact rows behind an exception, so a reviewer can open them. */
public record Refs(List<Long> disbursementIds, List<Long> bankLineIds, List<Long> milestoneIds,
                   List<Long> ledgerEntryIds) {

    public static final Refs NONE = new Refs(List.of(), List.of(), List.of(), List.of());

    public static Refs disbursements(List<Long> ids) {
        return new Refs(List.copyOf(ids), List.of(), List.of(), List.of());
    }

    public static Refs bankLines(List<Long> ids) {
        return new Refs(List.of(), List.copyOf(ids), List.of(), List.of());
    }

    public static Refs milestones(List<Long> ids) {
        return new Refs(List.of(), List.of(), List.copyOf(ids), List.of());
    }
}
