package cn.baojiaolou.reports;

/** A rendered PDF: its bytes, page count and SHA-256 (lower-case hex). */
public record RenderedPdf(byte[] bytes, int pages) {

    public String sha256() {
        return ReportNumbers.sha256Hex(bytes);
    }
}
