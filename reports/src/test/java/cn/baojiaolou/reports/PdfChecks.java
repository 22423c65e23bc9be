package cn.baojiaolou.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a rendered PDF back with PDFBox, as an auditor's viewer would. */
public final class PdfChecks {

    private PdfChecks() {
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text of each page, in order. */
    public static List<String> pageTexts(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
        }
        return pages;
    }

    /** The text with all white space removed: table cells wrap long names onto several lines. */
    public static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** "name embedded?" for every font used on any page, like {@code pdffonts}. */
    public static List<String> fonts(byte[] pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    String entry = font.getName() + (font.isEmbedded() ? " embedded" : " NOT-embedded");
                    if (!fonts.contains(entry)) {
                        fonts.add(entry);
                    }
                }
            }
        }
        return fonts;
    }

    /**
     * Renders every page with poppler's {@code pdftoppm} to {@code dir/name-N.png} (for a person to look at) and
     * answers the files. Fails when poppler-utils is not installed (.ci/run installs it).
     */
    public static List<java.nio.file.Path> png(byte[] pdf, java.nio.file.Path dir, String name, int dpi)
            throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Path file = dir.resolve(name + ".pdf");
        java.nio.file.Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", String.valueOf(dpi), "-png", file.toString(),
                dir.resolve(name).toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pdftoppm failed: " + out);
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + "-")
                    && f.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }
}
