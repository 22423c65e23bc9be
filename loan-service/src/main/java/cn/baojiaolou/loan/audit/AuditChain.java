package cn.baojiaolou.loan.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** The hash chain of the audit trail: each row's SHA-256 covers its content and the previous row's hash. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private AuditChain() {
    }

    public static String hash(String prevHash, AuditEvent e) {
        String content = String.join("\u001f", prevHash, e.occurredAt().format(MICROS), e.username(), e.action(),
                nz(e.targetType()), nz(e.targetId()), e.result(), nz(e.beforeState()), nz(e.afterState()),
                nz(e.detail()), nz(e.remoteAddr()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
