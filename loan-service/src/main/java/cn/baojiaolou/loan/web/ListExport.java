package cn.baojiaolou.loan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.reports.ColumnType;
import cn.baojiaolou.reports.XlsxListWriter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 导出 XLSX of a page's list: all its rows under the same filter and order as the page, not only the page shown. Rows
 * are read by keyset in batches ({@code loan.export.batch-size}, default 1,000) and written as they come
 * ({@link XlsxListWriter}), so neither the database nor the heap holds the whole list. The export is audited
 * (LIST_EXPORTED, with the filter and the number of rows), since it takes data out of the system.
 */
@Service
public class ListExport {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;
    private final BusinessClock clock;
    private final ExportLog log;
    private final int batch;

    ListExport(MessageSource messages, BusinessClock clock, ExportLog log,
               @Value("${loan.export.batch-size:1000}") int batch) {
        this.messages = messages;
        this.clock = clock;
        this.log = log;
        this.batch = batch;
    }

    /** A column of the export: its head (a page-bundle key), how its values are written, and how a row gives one. */
    public record Column<T>(String headerKey, ColumnType type, Function<T, ?> value) {
    }

    public static <T> Column<T> column(String headerKey, ColumnType type, Function<T, ?> value) {
        return new Column<>(headerKey, type, value);
    }

    /** The filter in words: the parts given (null ones left out), joined as the caption reads them. */
    public static String filter(String... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining("；"));
    }

    /** A list read page by page: the rows after {@code last} (null: from the first), at most {@code limit}. */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> after(T last, int limit);
    }

    /** Who is told of an export; the audit trail implements it (the web layer does not depend on it). */
    public interface ExportLog {
        void exported(String list, String filter, int rows);
    }

    /**
     * Streams the list into {@code response} as {@code <title>-<date>.xlsx}.
     *
     * @param list   the list's code in the audit row (e.g. {@code work.toPay})
     * @param title  a page-bundle key: the sheet's name and the file's
     * @param filter the filter as the user set it, in words ("全部" when none)
     */
    public <T> void write(HttpServletResponse response, String list, String title, String filter,
                          List<Column<T>> columns, Pages<T> pages, Locale locale) throws IOException {
        String name = messages.getMessage(title, null, title, locale);
        LocalDateTime now = BusinessClock.beijing(clock.nowUtc());
        LoanUser user = CurrentUser.get();
        String person = user == null ? CurrentUser.username()
                : user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
        String caption = messages.getMessage("export.caption", new Object[] {
                filter == null || filter.isBlank() ? messages.getMessage("export.all", null, locale) : filter,
                person, now.format(MINUTE)}, locale);
        List<String> heads = columns.stream().map(c -> messages.getMessage(c.headerKey(), null, c.headerKey(), locale))
                .toList();
        try (XlsxListWriter writer = new XlsxListWriter(name, caption, heads,
                columns.stream().map(Column::type).toList())) {
            T last = null;
            boolean truncated = false;
            // until a read comes back empty: a source may answer fewer rows than asked (its own cap) before its end
            for (List<T> found = pages.after(null, batch); !found.isEmpty(); found = pages.after(last, batch)) {
                for (T row : found) {
                    if (writer.full()) {
                        truncated = true;
                        break;
                    }
                    writer.row(columns.stream().map(c -> (Object) c.value().apply(row)).toList());
                }
                if (truncated) {
                    break;
                }
                last = found.get(found.size() - 1);
            }
            if (truncated) {
                writer.note(messages.getMessage("export.truncated", new Object[] {writer.rows()}, locale));
            }
            // audited before the file leaves: a download broken off midway has still taken data out
            log.exported(list, filter, writer.rows());
            response.setContentType(XLSX);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(name + "-" + clock.today() + ".xlsx", StandardCharsets.UTF_8).build().toString());
            writer.writeTo(response.getOutputStream());
        }
    }
}
