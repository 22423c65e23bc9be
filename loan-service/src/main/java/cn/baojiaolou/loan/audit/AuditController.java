package cn.baojiaolou.loan.audit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The audit trail, for auditors and admins (see SecurityConfig). Newest first; page with afterId. */
@RestController
@RequestMapping("/api/v1/audit-events")
class AuditController {

    private final AuditMapper mapper;
    private final AuditChainCheck chainCheck;

    AuditController(AuditMapper mapper, AuditChainCheck chainCheck) {
        this.mapper = mapper;
        this.chainCheck = chainCheck;
    }

    @GetMapping
    List<AuditEvent> search(@RequestParam(required = false) String username,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String targetType,
                            @RequestParam(required = false) String targetId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) Long afterId,
                            @RequestParam(defaultValue = "100") int limit) {
        return page(username, action, targetType, targetId, from, to, afterId, false, limit);
    }

    /** One page in either order: below {@code afterId} newest first, or above it oldest first (the page's sort). */
    List<AuditEvent> page(String username, String action, String targetType, String targetId, LocalDate from,
                          LocalDate to, Long afterId, boolean oldestFirst, int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        return mapper.search(blankToNull(username), blankToNull(action), blankToNull(targetType),
                blankToNull(targetId), from == null ? null : from.atStartOfDay(),
                to == null ? null : to.plusDays(1).atStartOfDay(), afterId, oldestFirst, bounded, districtScope());
    }

    @GetMapping("/chain-check")
    AuditChainCheck.Result chainCheck() {
        return chainCheck.verify();
    }

    /** A district user reads only the rows about their district's projects and payments, or made by its users. */
    private static Long districtScope() {
        cn.baojiaolou.loan.user.LoanUser user = cn.baojiaolou.loan.user.CurrentUser.require();
        return user.districtId();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
