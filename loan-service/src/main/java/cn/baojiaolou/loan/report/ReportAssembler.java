package cn.baojiaolou.loan.report;

import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportKind;

/** Reads one report's data as of its business date and lays it out in sections. One implementation per report. */
public interface ReportAssembler {

    ReportKind kind();

    ReportDocument assemble(ReportContext context);
}
