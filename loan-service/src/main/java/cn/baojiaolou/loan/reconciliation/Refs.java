package cn.baojiaolou.loan.reconciliation;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The exact rows behind an exception, so a reviewer can open them: written as JSON into recon_exception.refs by the
 * nightly close, read back by the exception pages and the 对账异常日报.
 */
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

    /** The stored JSON back as Refs; null or unreadable JSON reads as no rows (the exception itself still shows). */
    public static Refs parse(ObjectMapper json, String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            Refs refs = json.readValue(text, Refs.class);
            return new Refs(orEmpty(refs.disbursementIds()), orEmpty(refs.bankLineIds()),
                    orEmpty(refs.milestoneIds()), orEmpty(refs.ledgerEntryIds()));
        } catch (JacksonException unreadable) {
            return NONE;
        }
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
