package cn.baojiaolou.reports;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds {@code bjl-table.jrxml}: one record per table row, with the section's title, its headers h1…h10, the
 * formatted cells c1…c10, the alignment mask (R = right), the kind (ROW or TOTAL) and whether the section uses
 * the wide layout. Streams the rows lazily.
 */
final class SectionRowsDataSource implements JRDataSource {

    private final Iterator<ReportSection> sections;
    private final ReportMessages messages;
    private ReportSection section;
    private String sectionTitle;
    private List<String> headers;
    private String align;
    private Iterator<List<Object>> rows;
    private List<String> cells;
    private String kind;
    private boolean totalsDone;
    private int index;

    SectionRowsDataSource(List<ReportSection> sections, ReportMessages messages) {
        this.sections = sections.iterator();
        this.messages = messages;
    }

    @Override
    public boolean next() {
        while (true) {
            if (rows != null && rows.hasNext()) {
                cells = format(rows.next());
                kind = "ROW";
                return true;
            }
            if (rows != null && !totalsDone) {
                totalsDone = true;
                if (section.totals() != null) {
                    cells = format(section.totals());
                    kind = "TOTAL";
                    return true;
                }
                // An empty section still shows its title and headers, with one line saying so.
                if (section.rows().isEmpty()) {
                    List<Object> none = new ArrayList<>();
                    none.add(messages.get("label.none"));
                    while (none.size() < section.columns().size()) {
                        none.add(null);
                    }
                    cells = formatAsText(none);
                    kind = "ROW";
                    return true;
                }
            }
            if (!sections.hasNext()) {
                return false;
            }
            section = sections.next();
            index++;
            sectionTitle = messages.resolve(section.title());
            headers = section.columns().stream().map(c -> messages.get(c.headerKey())).toList();
            StringBuilder mask = new StringBuilder();
            section.columns().forEach(c -> mask.append(c.type().numeric() ? 'R' : 'L'));
            align = mask.toString();
            rows = section.rows().iterator();
            totalsDone = false;
        }
    }

    private List<String> format(List<Object> values) {
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(CellFormat.format(section.columns().get(i).type(), values.get(i)));
        }
        return out;
    }

    private List<String> formatAsText(List<Object> values) {
        return values.stream().map(v -> v == null ? "" : v.toString()).toList();
    }

    @Override
    public Object getFieldValue(JRField field) {
        String name = field.getName();
        return switch (name) {
            // the index keeps two sections with the same key apart as Jasper groups
            case "section" -> index + ":" + section.key();
            case "sectionTitle" -> sectionTitle;
            case "kind" -> kind;
            case "align" -> align;
            // sections of up to 5 columns use the wide layout: 5 columns of twice the width
            case "wide" -> headers.size() <= 5;
            default -> column(name);
        };
    }

    private String column(String name) {
        int i = Integer.parseInt(name.substring(1)) - 1;
        if (i >= headers.size()) {
            return null;
        }
        return name.charAt(0) == 'h' ? headers.get(i) : cells.get(i);
    }
}
