package cn.baojiaolou.loan.audit;

import java.time.LocalDateTime;

/** One row of the audit trail; occurredAt is UTC. */
public record AuditEvent(Long id, LocalDateTime occurredAt, String username, String action, String targetType,
                         String targetId, String result, String beforeState, String afterState, String detail,
                         String remoteAddr, String prevHash, String hash) {

    private static final java.time.format.DateTimeFormatter STORED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** occurredAt as the text the database stores exactly, microseconds included (see AuditMapper.xml). */
    public String getOccurredAtText() {
        return occurredAt.format(STORED);
    }

    public AuditEvent withChain(String prevHash, String hash) {
        return new AuditEvent(id, occurredAt, username, action, targetType, targetId, result, beforeState, afterState,
                detail, remoteAddr, prevHash, hash);
    }
}
