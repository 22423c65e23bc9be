package cn.baojiaolou.loan.batchrun;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageFormat;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 批处理: the nightly runs, newest first, 30 a page by keyset, with their steps' counts; statuses and steps by their
 * Chinese label, times in Beijing time; exported whole to XLSX (admins).
 */
@Controller
class BatchRunPage {

    static final int PAGE_SIZE = 30;

    private final BatchRuns runs;
    private final MessageSource messages;
    private final ListExport export;

    BatchRunPage(BatchRuns runs, MessageSource messages, ListExport export) {
        this.runs = runs;
        this.messages = messages;
        this.export = export;
    }

    /** A run as the page shows it. */
    record Row(long executionId, String businessDate, String status, boolean failed, String started,
               BigDecimal seconds, String steps) {
    }

    @GetMapping("/batch-runs")
    String runs(@RequestParam(required = false) Long before, Model model, Locale locale) {
        List<BatchRun> found = runs.before(before, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<BatchRun> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("runs", shown.stream().map(r -> row(r, locale)).toList());
        model.addAttribute("nextBefore", more ? shown.get(PAGE_SIZE - 1).executionId() : null);
        model.addAttribute("before", before);
        return "batch-runs";
    }

    @GetMapping("/batch-runs/runs.xlsx")
    void exportRuns(HttpServletResponse response, Locale locale) throws IOException {
        List<ListExport.Column<Row>> columns = List.of(
                column("batch.no", ColumnType.INTEGER, Row::executionId),
                column("reports.businessDate", ColumnType.TEXT, Row::businessDate),
                column("col.status", ColumnType.TEXT, Row::status),
                column("batch.started", ColumnType.TEXT, Row::started),
                column("batch.seconds", ColumnType.TEXT, (Row r) -> r.seconds() == null ? null
                        : r.seconds().toPlainString()),
                column("batch.steps", ColumnType.TEXT, Row::steps));
        export.write(response, "batch-runs", "batch.title", null, columns, (last, limit) ->
                runs.before(last == null ? null : last.executionId(), limit).stream().map(r -> row(r, locale))
                        .toList(), locale);
    }

    private Row row(BatchRun r, Locale locale) {
        String steps = r.steps().stream().map(s -> label("batch.step." + s.name(), s.name(), locale) + " "
                + s.readCount() + "/" + s.writeCount()).collect(Collectors.joining("，"));
        // seconds to one decimal, rounded half-up: a duration, not money
        BigDecimal seconds = r.durationMillis() == null ? null
                : BigDecimal.valueOf(r.durationMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP);
        return new Row(r.executionId(), r.businessDate() == null ? "" : r.businessDate().toString(),
                label("batch.status." + r.status(), r.status(), locale), "FAILED".equals(r.status()),
                r.startTime() == null ? "" : PageFormat.beijingTime(r.startTime()), seconds, steps);
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
