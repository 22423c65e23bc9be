package cn.baojiaolou.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Report numbers derive from the report's parameters only: BJL-PL-20231231-3F2A9C01. The same report of the same
 * date always gets the same number, so a re-print years later can be compared with the archived original.
 */
public final class ReportNumbers {

    private ReportNumbers() {
    }

    public static String derive(ReportKind kind, LocalDate businessDate, Map<String, String> parameters) {
        String hash = sha256Hex(canonical(kind, businessDate, parameters)).substring(0, 8).toUpperCase();
        return "BJL-" + kind.code() + "-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + hash;
    }

    /**
     * A number for a document that is not one of the five reports (a letter): BJL-{code}-20230615-3F2A9C01, from
     * {@code slug} and the parameters the same way.
     */
    public static String derive(String slug, String code, LocalDate businessDate, Map<String, String> parameters) {
        StringBuilder s = new StringBuilder(slug).append('|').append(businessDate);
        new TreeMap<>(parameters).forEach((k, v) -> s.append('|').append(k).append('=').append(v));
        String hash = sha256Hex(s.toString()).substring(0, 8).toUpperCase();
        return "BJL-" + code + "-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + hash;
    }

    /** kind|date|k1=v1|k2=v2, keys sorted: the identity of a report. */
    public static String canonical(ReportKind kind, LocalDate businessDate, Map<String, String> parameters) {
        StringBuilder s = new StringBuilder(kind.slug()).append('|').append(businessDate);
        new TreeMap<>(parameters).forEach((k, v) -> s.append('|').append(k).append('=').append(v));
        return s.toString();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
