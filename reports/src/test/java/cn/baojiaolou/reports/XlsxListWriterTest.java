package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page list's export: every row written, amounts to the fen, and 100,000 rows in a small heap. */
class XlsxListWriterTest {

    static final List<String> HEADS = List.of("编号", "项目", "金额（元）", "付款日期");
    static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.YUAN,
            ColumnType.DATE);

    /** Writes {@code rows} synthetic payments: row i pays 1,234,567.89 + i fen to 项目 i. */
    static void write(int rows, OutputStream out) throws IOException {
        try (XlsxListWriter writer = new XlsxListWriter("待支付", "筛选：全部；导出时间 2026-12-03 09:00（北京时间）",
                HEADS, TYPES)) {
            for (int i = 0; i < rows; i++) {
                writer.row(List.of(i + 1, "零陵区保交楼项目" + i,
                        new BigDecimal("1234567.89").add(BigDecimal.valueOf(i, 2)), LocalDate.of(2026, 1, 1)));
                if (writer.rowsInMemory() > XlsxListWriter.WINDOW) {
                    throw new IllegalStateException("rows held in memory: " + writer.rowsInMemory());
                }
            }
            writer.writeTo(out);
        }
    }

    @Test
    void everyRowIsWrittenWithItsAmountToTheFenAndOnlyAWindowIsHeld(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(100_000, out);
        }
        Sheet sheet = read(file);
        assertThat(sheet.rows()).isEqualTo(3 + 100_000); // title, caption, heads, rows
        assertThat(sheet.firstCells()).containsExactly("待支付", "筛选：全部；导出时间 2026-12-03 09:00（北京时间）", "编号");
        // row 50,000 (i = 49,999) pays 1,234,567.89 + 499.99 = 1,235,067.88
        assertThat(new BigDecimal(sheet.amountOfRow(3 + 49_999))).isEqualByComparingTo("1235067.88");
        assertThat(new BigDecimal(sheet.amountOfRow(3 + 99_999))).isEqualByComparingTo("1235567.88");
    }

    @Test
    void oneHundredThousandRowsFitInA32MegabyteHeap(@TempDir Path dir) throws Exception {
        // a JVM of its own, so the heap limit is real: the whole sheet in memory (XSSF) would need several hundred MB
        Path file = dir.resolve("big.xlsx");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        System.out.print(output); // the figure docs/BENCHMARKS.md records
        assertThat(read(file).rows()).isEqualTo(3 + 100_000);
    }

    /** The forked JVM's main. */
    static final class HeapProbe {
        public static void main(String[] args) throws IOException {
            long start = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
                write(100_000, out);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("列表导出：100,000 行，%.1f 秒，堆上限 %d MB，文件 %,d 字节%n",
                    (System.nanoTime() - start) / 1e9, rt.maxMemory() >> 20, Files.size(Path.of(args[0])));
        }
    }

    record Sheet(int rows, List<String> firstCells, List<String> amounts) {
        String amountOfRow(int row) {
            return amounts.get(row);
        }
    }

    /** Reads sheet1 with StAX, as a stream (SXSSF writes strings inline): rows, the first column's strings of the
     * first three rows, and the third column's raw value of every row. */
    static Sheet read(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            if (sheet != null) {
                try (InputStream in = zip.getInputStream(sheet)) {
                    return parse(in);
                }
            }
        }
        throw new AssertionError("no sheet1 in " + file);
    }

    private static Sheet parse(InputStream in) throws Exception {
        XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
        int rows = 0;
        List<String> first = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        String cell = null;
        String amount = null;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "row" -> {
                        rows++;
                        amount = null;
                    }
                    case "c" -> cell = x.getAttributeValue(null, "r");
                    case "t" -> {
                        if (cell != null && cell.startsWith("A") && first.size() < 3) {
                            first.add(x.getElementText());
                        }
                    }
                    case "v" -> {
                        String v = x.getElementText();
                        if (cell != null && cell.startsWith("A") && rows <= 3 && first.size() < 3) {
                            first.add(v);
                        } else if (cell != null && cell.startsWith("C")) {
                            amount = v;
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("row")) {
                amounts.add(amount);
            }
        }
        return new Sheet(rows, first, amounts);
    }
}
