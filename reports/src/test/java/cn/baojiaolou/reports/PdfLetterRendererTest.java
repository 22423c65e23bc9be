package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PdfLetterRendererTest {

    private static final PdfLetterRenderer RENDERER = new PdfLetterRenderer();

    static LetterDocument letter(int paragraphs) {
        String number = ReportNumbers.derive("court-letter", "CL", LocalDate.of(2023, 6, 16),
                Map.of("deduction", "1"));
        List<LetterDocument.Paragraph> body = new java.util.ArrayList<>();
        body.add(LetterDocument.Paragraph.text("2023年6月15日，贵院从永州市第一批保交楼专项借款专户扣划人民币 1,300,000.00 元。"));
        body.add(LetterDocument.Paragraph.fact("专户账号：43050174360800001888"));
        for (int i = 0; i < paragraphs; i++) {
            body.add(LetterDocument.Paragraph.text("根据法〔2022〕12号，监管账户内的资金仅可因本项目工程建设、材料等债权扣划。"));
        }
        return new LetterDocument(number, LocalDate.of(2023, 6, 16), "关于保交楼专项借款专户被司法扣划的函",
                List.of("永州市零陵区人民法院：", "抄送：永州市零陵区住房和城乡建设局"), body,
                "永州市零陵区财政局", "草稿");
    }

    @Test
    void theLetterIsChineseWithItsNumberFontsAndPages() throws Exception {
        RenderedPdf pdf = RENDERER.render(letter(2));
        java.nio.file.Files.write(java.nio.file.Path.of("target/letter-sample.pdf"), pdf.bytes());
        String text = PdfChecks.compact(PdfChecks.text(pdf.bytes()));
        assertThat(text).contains("关于保交楼专项借款专户被司法扣划的函", "永州市零陵区人民法院", "法〔2022〕12号",
                "1,300,000.00", "43050174360800001888", "永州市零陵区财政局", "2023年6月16日", "草稿",
                "BJL-CL-20230616-");
        assertThat(PdfChecks.fonts(pdf.bytes())).isNotEmpty().allSatisfy(f -> assertThat(f).contains("NotoSans"));
        assertThat(pdf.pages()).isEqualTo(1).isEqualTo(PdfChecks.pages(pdf.bytes()));
    }

    @Test
    void aLongLetterRunsOverPagesAndTheSameLetterGivesTheSameBytes() throws Exception {
        RenderedPdf long1 = RENDERER.render(letter(60));
        assertThat(long1.pages()).isGreaterThan(1).isEqualTo(PdfChecks.pages(long1.bytes()));
        assertThat(RENDERER.render(letter(60)).sha256()).isEqualTo(long1.sha256());
    }
}
