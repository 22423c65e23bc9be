package cn.baojiaolou.reports;

import java.util.List;

/** A report ready to render: its header and its sections, in order. */
public record ReportDocument(ReportHeader header, List<ReportSection> sections) {

    public ReportDocument {
        sections = List.copyOf(sections);
    }

    public long rowCount() {
        return sections.stream().mapToLong(s -> s.rows().size()).sum();
    }
}
