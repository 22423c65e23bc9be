package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.domain.Refusal;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a statement file into rows of text cells, each with its line number: XLSX (recognised by the
 * ZIP magic "PK") and XLS (the OLE2 magic, POI HSSF) row by row from the first sheet, anything else as CSV or TXT
 * (comma or tab), decoded strictly as UTF-8 (with or without BOM), else GBK (what Chinese banks export), else GB18030
 * (GBK plus the rare characters of some names). Date cells read as {@code yyyy-MM-dd}, with {@code HH:mm:ss} when
 * they carry a time, and as {@code HH:mm:ss} alone when they are a time of day.
 */
final class StatementReader {

    static final String XLSX = "XLSX";
    static final String XLS = "XLS";

    /** One record of the file; {@code line} is where it starts (1-based), {@code unclosedQuote} a broken CSV quote. */
    record Line(int line, List<String> cells, boolean unclosedQuote) {

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The rows of a file, blank ones left out, and how it was read (UTF-8, GBK, GB18030, XLSX or XLS). */
    record Rows(String encoding, boolean csv, List<Line> lines) {
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0};
    /** Excel shows 15 significant digits; a double read beyond them is binary noise, not the bank's figure. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StatementReader() {
    }

    static Rows read(byte[] content) {
        if (content == null || content.length == 0) {
            throw file("bankStatement.empty");
        }
        if (content.length >= 2 && content[0] == 'P' && content[1] == 'K') {
            return new Rows(XLSX, false, nonBlank(workbook(content, false)));
        }
        if (startsWith(content, OLE2)) {
            return new Rows(XLS, false, nonBlank(workbook(content, true)));
        }
        String encoding;
        String text;
        if (startsWith(content, UTF8_BOM)) {
            encoding = "UTF-8";
            text = decode(content, UTF8_BOM.length, StandardCharsets.UTF_8);
        } else {
            encoding = "UTF-8";
            text = decode(content, 0, StandardCharsets.UTF_8);
            if (text == null) {
                encoding = "GBK";
                text = decode(content, 0, GBK);
            }
            if (text == null) {
                encoding = "GB18030";
                text = decode(content, 0, GB18030);
            }
        }
        if (text == null) {
            throw file("bankStatement.encoding");
        }
        return new Rows(encoding, true, nonBlank(csv(text)));
    }

    /** Strict decoding: null when the bytes are not valid in this charset (never a silent replacement character). */
    static String decode(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ CSV

    /** RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks. */
    static List<Line> csv(String text) {
        int n = text.length();
        char separator = separator(text);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int lineNo = 1;
        while (i < n) {
            int start = lineNo;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean unclosed = false;
            while (true) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) {
                            lineNo++;
                        }
                        cell.append(c);
                        i++;
                    }
                    unclosed |= !closed;
                }
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == separator || c == '\n' || c == '\r') {
                        break;
                    }
                    cell.append(c);
                    i++;
                }
                cells.add(clean(cell.toString()));
                cell.setLength(0);
                if (i >= n) {
                    break;
                }
                char c = text.charAt(i);
                if (c == separator) {
                    i++;
                    continue;
                }
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                lineNo++;
                break;
            }
            lines.add(new Line(start, cells, unclosed));
        }
        return lines;
    }

    /**
     * Comma, unless tabs separate more of the first 30 lines (banks export tab-separated TXT, whose amounts may
     * carry thousands separators, under title lines with neither). A line with two or more tabs counts for the tab;
     * one with two or more commas and fewer tabs for the comma.
     */
    static char separator(String text) {
        int tabs = 0;
        int commas = 0;
        for (String line : text.lines().filter(l -> !l.isBlank()).limit(30).toList()) {
            long t = line.chars().filter(c -> c == '\t').count();
            long c = line.chars().filter(ch -> ch == ',').count();
            if (t >= 2) {
                tabs++;
            } else if (c >= 2) {
                commas++;
            } else if (t == 1 && c == 0) {
                tabs++;
            }
        }
        return tabs > commas ? '\t' : ',';
    }

    // ------------------------------------------------------------------------------------------------ XLSX, XLS

    private static List<Line> workbook(byte[] content, boolean xls) {
        try (Workbook book = xls ? new HSSFWorkbook(new ByteArrayInputStream(content))
                : new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw file("bankStatement.empty");
            }
            Sheet sheet = book.getSheetAt(0);
            List<Line> lines = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                int width = Math.max(Column.values().length, row == null ? 0 : row.getLastCellNum());
                for (int c = 0; c < width; c++) {
                    cells.add(clean(row == null ? "" : text(row.getCell(c))));
                }
                lines.add(new Line(r + 1, cells, false));
            }
            return lines;
        } catch (Refusal e) {
            throw e;
        } catch (Exception e) {
            // POI reports a corrupt or foreign ZIP with many exception types (IOException, POIXMLException,
            // NotOfficeXmlFileException, RecordFormatException, OfficeXmlFileException, ...): all of them mean "not a
            // readable workbook".
            throw file(xls ? "bankStatement.unreadableXls" : "bankStatement.unreadableXlsx");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? dateTime(cell.getLocalDateTimeCellValue())
                    : number(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** A date cell as text the parser reads: the date, the date and time, or the time of day alone. */
    static String dateTime(LocalDateTime value) {
        LocalTime time = value.toLocalTime().truncatedTo(ChronoUnit.SECONDS);
        // Excel's time-of-day cells are days since 1899-12-31 (or -30): a date before 1900-03-01 holds no date
        if (value.toLocalDate().isBefore(LocalDate.of(1900, 3, 1))) {
            return time.format(TIME);
        }
        return time.equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString()
                : value.toLocalDate() + " " + time.format(TIME);
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Trims blanks (full-width ones too) and unwraps the {@code ="..."} and tab-prefixed forms banks use to keep
     * Excel from turning long numbers into 6.2E+18.
     */
    private static String clean(String raw) {
        String s = raw.strip();
        if (s.length() >= 3 && s.startsWith("=\"") && s.endsWith("\"")) {
            s = s.substring(2, s.length() - 1).strip();
        }
        return s;
    }

    private static List<Line> nonBlank(List<Line> lines) {
        return lines.stream().filter(l -> !l.blank() || l.unclosedQuote()).toList();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static Refusal file(String messageKey, Object... args) {
        return Refusal.ruleOnField("file", messageKey, args);
    }
}
