package cn.baojiaolou.reports;

import java.util.List;

/**
 * A piece of report text: a key of {@code reports/messages} with {@link java.text.MessageFormat} arguments, or a
 * literal (data such as a project name). Resolved in the report's locale when it is rendered.
 */
public record ReportText(String key, List<Object> args, String literal) {

    public static ReportText of(String key, Object... args) {
        return new ReportText(key, List.of(args), null);
    }

    public static ReportText literal(String text) {
        return new ReportText(null, List.of(), text);
    }
}
