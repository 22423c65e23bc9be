package cn.baojiaolou.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a PDF a pure function of its report. OpenPDF writes three things that differ between two prints of the same
 * data: the creation and modification dates (wall clock, in the JVM's time zone), the document id in the trailer
 * (random), and the six-letter prefix of each embedded font subset (random). Each is replaced by a value derived from
 * the report (its number, locale and business date), and the cross-reference table is shifted to match, so an
 * auditor can re-generate a report years later and compare SHA-256 hashes.
 */
final class DeterministicPdf {

    private static final Pattern DATE = Pattern.compile("/(CreationDate|ModDate)\\s*\\((D:[^)]*)\\)");
    private static final Pattern FILE_ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9a-fA-F]+)>\\s*<([0-9a-fA-F]+)>\\s*]");
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");

    private record Edit(int start, int end, String replacement) {
        int delta() {
            return replacement.length() - (end - start);
        }
    }

    private DeterministicPdf() {
    }

    static byte[] fix(byte[] pdf, String seed, LocalDate businessDate) {
        // ISO-8859-1 maps bytes 1:1 to chars, so string offsets are byte offsets.
        String in = new String(pdf, StandardCharsets.ISO_8859_1);
        String digest = ReportNumbers.sha256Hex(seed);
        List<Edit> edits = new ArrayList<>();

        // each pattern is tried only where a plain search finds its key: a regex run over the whole file (font
        // streams included) cost more than the rest of the fix
        Map<String, String> prefixes = new HashMap<>();
        for (int at = in.indexOf("+NotoSans"); at >= 0; at = in.indexOf("+NotoSans", at + 1)) {
            if (at >= 6 && isSubsetPrefix(in, at - 6, at)) {
                String prefix = prefixes.computeIfAbsent(in.substring(at - 6, at),
                        p -> letters(digest, prefixes.size()));
                edits.add(new Edit(at - 6, at, prefix));
            }
        }
        // The end of the business date in Beijing time: the moment the report's data is "as of".
        String date = "D:" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "235959+08'00'";
        for (String key : new String[] {"/CreationDate", "/ModDate"}) {
            for (int at = in.indexOf(key); at >= 0; at = in.indexOf(key, at + 1)) {
                Matcher m = DATE.matcher(in).region(at, in.length());
                if (m.lookingAt()) {
                    edits.add(new Edit(m.start(2), m.end(2), date));
                }
            }
        }
        boolean idFound = false;
        for (int at = in.indexOf("/ID"); at >= 0; at = in.indexOf("/ID", at + 1)) {
            Matcher m = FILE_ID.matcher(in).region(at, in.length());
            if (m.lookingAt()) {
                idFound = true;
                String id = digest.substring(0, 32).toUpperCase();
                edits.add(new Edit(m.start(1), m.end(1), id));
                edits.add(new Edit(m.start(2), m.end(2), id));
            }
        }
        if (!idFound) {
            throw new IllegalStateException("PDF without a document id: the exporter's output format changed");
        }
        edits.sort((a, b) -> Integer.compare(a.start, b.start));

        StringBuilder out = new StringBuilder(in.length() + 64);
        int at = 0;
        for (Edit e : edits) {
            out.append(in, at, e.start).append(e.replacement);
            at = e.end;
        }
        out.append(in, at, in.length());
        return shiftCrossReferences(out, edits).toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Rewrites the classic xref table's 10-digit offsets and {@code startxref} after edits that changed lengths. */
    private static StringBuilder shiftCrossReferences(StringBuilder pdf, List<Edit> edits) {
        if (edits.stream().allMatch(e -> e.delta() == 0)) {
            return pdf;
        }
        Matcher tail = startxref(pdf);
        if (tail == null) {
            throw new IllegalStateException("PDF without startxref");
        }
        int oldXref = Integer.parseInt(tail.group(1));
        int newXref = shifted(oldXref, edits);
        if (!pdf.substring(newXref, newXref + 4).equals("xref")) {
            throw new IllegalStateException("PDF uses a cross-reference stream, which cannot be shifted");
        }
        int pos = pdf.indexOf("\n", newXref) + 1;
        while (true) {
            int lineEnd = pdf.indexOf("\n", pos);
            String[] subsection = pdf.substring(pos, lineEnd).trim().split("\\s+");
            if (subsection.length != 2) {
                break; // "trailer"
            }
            int count = Integer.parseInt(subsection[1]);
            pos = lineEnd + 1;
            for (int i = 0; i < count; i++) {
                // each entry is 20 bytes: 10-digit offset, space, 5-digit generation, space, n|f, 2-byte EOL
                if (pdf.charAt(pos + 17) == 'n') {
                    int offset = Integer.parseInt(pdf.substring(pos, pos + 10));
                    pdf.replace(pos, pos + 10, String.format("%010d", shifted(offset, edits)));
                }
                pos += 20;
            }
        }
        Matcher end = startxref(pdf);
        pdf.replace(end.start(1), end.end(1), Integer.toString(newXref));
        return pdf;
    }

    /** The file's last {@code startxref}, or null; searched from the end rather than through the whole file. */
    private static Matcher startxref(StringBuilder pdf) {
        int at = pdf.lastIndexOf("startxref");
        if (at < 0) {
            return null;
        }
        Matcher m = STARTXREF.matcher(pdf).region(at, pdf.length());
        return m.lookingAt() ? m : null;
    }

    private static int shifted(int offset, List<Edit> edits) {
        int shift = 0;
        for (Edit e : edits) {
            if (e.end <= offset) {
                shift += e.delta();
            }
        }
        return offset + shift;
    }

    private static boolean isSubsetPrefix(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static String letters(String digest, int index) {
        StringBuilder s = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            int nibble = Character.digit(digest.charAt((index * 6 + i) % digest.length()), 16);
            s.append((char) ('A' + nibble + (index % 10)));
        }
        return s.toString();
    }
}
