package cn.baojiaolou.loan.audit;

import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.web.ListExport;

/** Each list export leaves an audit row: which list, under which filter, how many rows left the system. */
@Service
class ExportAudit implements ListExport.ExportLog {

    private final AuditTrail audit;

    ExportAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void exported(String list, String filter, int rows) {
        audit.record(CurrentUser.username(), "LIST_EXPORTED", "list", list, AuditTrail.SUCCESS,
                "rows=" + rows + (filter == null || filter.isBlank() ? "" : "; " + filter));
    }
}
