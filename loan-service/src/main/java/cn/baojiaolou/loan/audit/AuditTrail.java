package cn.baojiaolou.loan.audit;

import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.ImportedAction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit trail. Writes are audited inside their own transaction, so a rolled-back write leaves no
 * row; refusals (failed logins, denied access) are audited in a transaction of their own, so they stay.
 */
@Service
public class AuditTrail {

    public static final String SUCCESS = "SUCCESS";
    public static final String DENIED = "DENIED";
    public static final String FAILED = "FAILED";

    private final AuditMapper mapper;
    private final ObjectMapper json;
    private final TransactionTemplate separate;

    public AuditTrail(AuditMapper mapper, ObjectMapper json, PlatformTransactionManager tx) {
        this.mapper = mapper;
        this.json = json;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a successful write, in the caller's transaction. A write the 台账 import makes for a workbook row says so
     * in its detail, with the import, the row and who imported it ({@link ImportedAction}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(String action, String targetType, Object targetId, Object before, Object after) {
        ImportedAction imported = ImportedAction.current();
        append(CurrentUser.username(), action, targetType, targetId, SUCCESS, before, after,
                imported == null ? null : imported.describe());
    }

    /** Records a refusal in a transaction of its own, so it survives the caller's rollback. */
    public void refusal(String username, String action, String targetType, Object targetId, String result,
                        String detail) {
        record(username, action, targetType, targetId, result, detail);
    }

    /** Records an event that is no write of data (a login, a logout), in a transaction of its own. */
    public void record(String username, String action, String targetType, Object targetId, String result,
                       String detail) {
        separate.executeWithoutResult(s -> append(username, action, targetType, targetId, result, null, null,
                detail));
    }

    private void append(String username, String action, String targetType, Object targetId, String result,
                        Object before, Object after, String detail) {
        AuditMapper.ChainHead head = mapper.lockHead();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        AuditEvent event = new AuditEvent(null, now, truncate(username, 64), action, targetType,
                targetId == null ? null : truncate(String.valueOf(targetId), 64), result, toJson(before), toJson(after),
                truncate(detail, 500), remoteAddr(), null, null);
        String hash = AuditChain.hash(head.lastHash(), event);
        AuditEvent chained = event.withChain(head.lastHash(), hash);
        mapper.insert(chained, chained.getOccurredAtText());
        mapper.moveHead(mapper.lastInsertId(), hash);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise audit state", e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
