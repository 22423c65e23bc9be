package cn.baojiaolou.loan.audit;

import java.time.LocalDateTime;

/** One row of the audit trail; occurredAt is UTC. */
public record AuditEvent(Long id, LocalDateTime occurredAt, String username, String action, String targetType,
                         String targetId, String result, String beforeState, String afterState, String detail,
                         String remoteAddr, String prevHash, String hash) {

    public AuditEvent withChain(String prevHash, String hash) {
        return new AuditEvent(id, occurredAt, username, action, targetType, targetId, result, beforeState, afterState,
                detail, remoteAddr, prevHash, hash);
    }
}
