package cn.baojiaolou.reports;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds the {@link TableTemplate}: one record per table row, with the section's title, its headers h1…h12, the
 * formatted cells c1…c12, the kind (ROW or TOTAL), the section's layout (an index into {@link #layouts}) and
 * whether the record is the report's last (it carries the summary and the signatures) or of its last section (tail:
 * that section needs room for its header and the last band together). Streams the rows lazily,
 * one record ahead, to know which is the last.
 */
final class SectionRowsDataSource implements JRDataSource {

    private record Line(String section, String sectionTitle, List<String> headers, List<String> cells, String kind,
                        int layout, boolean tail) {
    }

    private final Iterator<ReportSection> sections;
    private final ReportMessages messages;
    private final List<String> layoutSignatures;
    private ReportSection section;
    private String sectionTitle;
    private List<String> headers;
    private int layout;
    private boolean tail;
    private Iterator<List<Object>> rows;
    private boolean totalsDone;
    private int index;
    private Line current;
    private Line ahead;
    private boolean started;

    SectionRowsDataSource(List<ReportSection> sections, List<TableLayout> layouts, ReportMessages messages) {
        this.sections = sections.iterator();
        this.messages = messages;
        this.layoutSignatures = layouts.stream().map(TableLayout::signature).toList();
    }

    /** The distinct layouts of a document's sections, in order of first use. */
    static List<TableLayout> layouts(List<ReportSection> sections) {
        List<TableLayout> out = new ArrayList<>();
        for (ReportSection s : sections) {
            TableLayout l = TableLayout.of(s.columns());
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public boolean next() {
        if (!started) {
            started = true;
            ahead = advance();
        }
        current = ahead;
        ahead = current == null ? null : advance();
        return current != null;
    }

    private Line advance() {
        while (true) {
            if (rows != null && rows.hasNext()) {
                return line(format(rows.next()), "ROW");
            }
            if (rows != null && !totalsDone) {
                totalsDone = true;
                if (section.totals() != null) {
                    return line(format(section.totals()), "TOTAL");
                }
                // An empty section still shows its title and headers, with one line saying so.
                if (section.rows().isEmpty()) {
                    List<String> none = new ArrayList<>();
                    none.add(messages.get("label.none"));
                    while (none.size() < section.columns().size()) {
                        none.add("");
                    }
                    return line(none, "ROW");
                }
            }
            if (!sections.hasNext()) {
                return null;
            }
            section = sections.next();
            index++;
            sectionTitle = messages.resolve(section.title());
            headers = section.columns().stream().map(c -> messages.get(c.headerKey())).toList();
            layout = layoutSignatures.indexOf(TableLayout.of(section.columns()).signature());
            rows = section.rows().iterator();
            totalsDone = false;
            tail = !sections.hasNext();
        }
    }

    private Line line(List<String> cells, String kind) {
        // the index keeps two sections with the same key apart as Jasper groups
        return new Line(index + ":" + section.key(), sectionTitle, headers, cells, kind, layout, tail);
    }

    private List<String> format(List<Object> values) {
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(CellFormat.format(section.columns().get(i).type(), values.get(i)));
        }
        return out;
    }

    @Override
    public Object getFieldValue(JRField field) {
        String name = field.getName();
        return switch (name) {
            case "section" -> current.section();
            case "sectionTitle" -> current.sectionTitle();
            case "kind" -> current.kind();
            case "layout" -> current.layout();
            case "last" -> ahead == null;
            case "tail" -> current.tail();
            default -> column(name);
        };
    }

    private String column(String name) {
        int i = Integer.parseInt(name.substring(1)) - 1;
        List<String> values = name.charAt(0) == 'h' ? current.headers() : current.cells();
        return i >= values.size() ? null : values.get(i);
    }
}
