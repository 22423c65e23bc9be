package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PdfReportRendererTest {

    private static final PdfReportRenderer RENDERER = new PdfReportRenderer();

    static ReportDocument ledger(int rows) {
        List<List<Object>> lines = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        for (int i = 1; i <= rows; i++) {
            BigDecimal amount = new BigDecimal("123456.78");
            paid = paid.add(amount);
            lines.add(List.of(LocalDate.of(2023, 1, 1).plusDays(i % 365), "PZ-" + i, "湖南建工集团有限公司", "工程款",
                    "主体结构封顶", amount, "张会计", "李复核", "已匹配（凭证号）", paid));
        }
        ReportSection payments = new ReportSection("disbursements", ReportText.of("section.disbursements"),
                List.of(ReportColumn.date("col.paidOn"), ReportColumn.text("col.voucher"),
                        ReportColumn.text("col.payee"), ReportColumn.text("col.purpose"),
                        ReportColumn.text("col.milestone"), ReportColumn.wanYuan("col.amount"),
                        ReportColumn.text("col.maker"), ReportColumn.text("col.checker"),
                        ReportColumn.text("col.bankMatch"), ReportColumn.wanYuan("col.paidToDate")),
                lines, java.util.Arrays.asList("合计", null, null, null, null, paid, null, null, null, null));
        ReportSection facts = new ReportSection("facts", ReportText.of("section.facts"),
                List.of(ReportColumn.text("col.item"), ReportColumn.text("col.value")),
                List.of(List.of("项目名称", "吾悦华府"), List.of("开发企业", "永州新城吾悦房地产开发有限公司")), null);
        String number = ReportNumbers.derive(ReportKind.PROJECT_LEDGER, LocalDate.of(2023, 12, 31),
                Map.of("project", "LL-01"));
        ReportHeader header = new ReportHeader(ReportKind.PROJECT_LEDGER, "永州市零陵区财政局", LocalDate.of(2023, 12, 31),
                "2023-12-31 日终（北京时间 24:00）", number,
                ReportText.of("subject.project", "LL-01", "吾悦华府", "零陵区"),
                List.of(ReportText.literal("拨付合计 " + WanYuan.formatYuan(paid) + " 元")));
        return new ReportDocument(header, List.of(facts, payments));
    }

    @Test
    void chineseTextAndTotalsAreInThePdf() throws Exception {
        RenderedPdf pdf = RENDERER.render(ledger(3), Locale.SIMPLIFIED_CHINESE);
        String text = PdfChecks.text(pdf.bytes());

        assertThat(PdfChecks.compact(text)).contains("永州新城吾悦房地产开发有限公司", "湖南建工集团有限公司");
        assertThat(text).contains("项目专项借款台账", "吾悦华府", "四、资金拨付明细",
                "制表人", "复核人", "永州市零陵区财政局");
        // 3 × 123,456.78 = 370,370.34 元 = 37.04 万元 (37.037034 rounded half-up)
        assertThat(text).contains("37.04", "370,370.34 元", "12.35");
        assertThat(text).contains("第 1 页", "共 1 页");
        assertThat(pdf.pages()).isEqualTo(1).isEqualTo(PdfChecks.pages(pdf.bytes()));
    }

    @Test
    void theCjkFontIsEmbeddedAsASubsetAndNothingElseIsUsed() throws Exception {
        RenderedPdf pdf = RENDERER.render(ledger(3), Locale.SIMPLIFIED_CHINESE);

        assertThat(PdfChecks.fonts(pdf.bytes())).isNotEmpty()
                .allSatisfy(f -> assertThat(f).contains("NotoSansSC").endsWith(" embedded"));
    }

    @Test
    void theLastPageHoldsTheTotalsWithTheSignatures() throws Exception {
        // rows enough to fill pages; whatever the count, the signatures share their page with the totals row
        for (int rows : new int[] {22, 23, 24, 25, 26, 27, 28, 60}) {
            RenderedPdf pdf = RENDERER.render(ledger(rows), Locale.SIMPLIFIED_CHINESE);
            List<String> pages = PdfChecks.pageTexts(pdf.bytes());
            String last = pages.get(pages.size() - 1);
            assertThat(last).as("%d rows", rows).contains("制表人", "合计");
        }
        RenderedPdf pdf = RENDERER.render(ledger(30), Locale.SIMPLIFIED_CHINESE);
        PdfChecks.png(pdf.bytes(), java.nio.file.Path.of("target/report-png"), "ledger-sample", 80);
    }

    @Test
    void aShortLastSectionNeverLeavesItsTitleAloneAtTheFootOfAPage() throws Exception {
        // a last section of one row (here "（无）"): its title, headers and row go with the signatures, whatever
        // the room the sections before it left on the page
        for (int rows = 14; rows <= 30; rows++) {
            ReportDocument ledger = ledger(rows);
            List<ReportSection> sections = new ArrayList<>(ledger.sections());
            sections.add(new ReportSection("termChanges", ReportText.of("section.termChanges"),
                    List.of(ReportColumn.text("col.facility", 4), ReportColumn.date("col.effectiveOn")), List.of(),
                    null));
            List<String> pages = PdfChecks.pageTexts(RENDERER.render(new ReportDocument(ledger.header(), sections),
                    Locale.SIMPLIFIED_CHINESE).bytes());
            String title = "贷款条件变更记录";
            assertThat(pages.get(pages.size() - 1)).as("%d rows", rows).contains(title, "（无）", "制表人");
            assertThat(pages.subList(0, pages.size() - 1)).as("%d rows", rows).noneMatch(p -> p.contains(title));
        }
    }

    @Test
    void renderingTwiceGivesTheSameBytes() throws Exception {
        RenderedPdf first = RENDERER.render(ledger(40), Locale.SIMPLIFIED_CHINESE);
        Thread.sleep(1100); // a wall-clock date in the metadata would now differ by a second
        RenderedPdf second = RENDERER.render(ledger(40), Locale.SIMPLIFIED_CHINESE);

        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        // still a valid PDF after the metadata was rewritten: every page reads back
        assertThat(PdfChecks.pages(second.bytes())).isEqualTo(first.pages()).isGreaterThan(1);
    }

    @Test
    void theMachinesTimeZoneDoesNotChangeTheBytes() {
        // OpenPDF writes its dates in the JVM's zone: "Z" in UTC, "+08'00'" in Beijing, of different lengths
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            RenderedPdf utc = RENDERER.render(ledger(30), Locale.SIMPLIFIED_CHINESE);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
            RenderedPdf beijing = RENDERER.render(ledger(30), Locale.SIMPLIFIED_CHINESE);

            assertThat(beijing.sha256()).isEqualTo(utc.sha256());
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void theMetadataDatesAndIdAreDerivedFromTheReport() throws Exception {
        RenderedPdf pdf = RENDERER.render(ledger(3), Locale.SIMPLIFIED_CHINESE);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            var info = doc.getDocumentInformation();
            // the end of the business date, Beijing time: never the wall clock
            assertThat(info.getCreationDate().toInstant()).isEqualTo(java.time.Instant.parse("2023-12-31T15:59:59Z"));
            assertThat(info.getTitle()).contains("项目专项借款台账", "BJL-PL-20231231-");
            var id = (org.apache.pdfbox.cos.COSString) doc.getDocument().getDocumentID().get(0);
            String seed = ledger(3).header().reportNumber() + "|" + Locale.SIMPLIFIED_CHINESE;
            assertThat(id.toHexString()).isEqualToIgnoringCase(ReportNumbers.sha256Hex(seed).substring(0, 32));
        }
    }

    @Test
    void differentDataGivesADifferentHash() {
        RenderedPdf three = RENDERER.render(ledger(3), Locale.SIMPLIFIED_CHINESE);
        RenderedPdf four = RENDERER.render(ledger(4), Locale.SIMPLIFIED_CHINESE);

        assertThat(four.sha256()).isNotEqualTo(three.sha256());
    }

    @Test
    void everyPageOfALongReportCarriesTheProjectAndPageXOfY() throws Exception {
        RenderedPdf pdf = RENDERER.render(ledger(120), Locale.SIMPLIFIED_CHINESE);
        List<String> pages = PdfChecks.pageTexts(pdf.bytes());

        assertThat(pdf.pages()).isGreaterThan(3);
        for (int i = 0; i < pdf.pages(); i++) {
            assertThat(pages.get(i)).contains("项目：LL-01  吾悦华府", "第 " + (i + 1) + " 页", "共 " + pdf.pages() + " 页");
            if (pages.get(i).contains("PZ-")) {
                assertThat(pages.get(i)).as("column headers repeat on each page of a section").contains("凭证号");
            }
        }
    }

    @Test
    void englishLabelsOnRequest() throws Exception {
        String text = PdfChecks.text(RENDERER.render(ledger(2), Locale.ENGLISH).bytes());

        assertThat(text).contains("Project special loan ledger", "Page 1", "吾悦华府", "Prepared by");
    }
}
