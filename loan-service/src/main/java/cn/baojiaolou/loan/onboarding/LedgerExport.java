package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.onboarding.LedgerTemplate.Col;
import cn.baojiaolou.loan.onboarding.LedgerTemplate.SheetDef;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 台账 workbook template, empty or filled with everything the database holds (issue 12): one sheet per
 * {@link LedgerTemplate} sheet with the template's headers, plus a 说明 sheet that documents them. An export imports
 * back into an empty database to the same balances and interest (the round-trip test), so it is also how a bureau's
 * data moves between installations. People are written by 姓名 where the system knows them.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class LedgerExport {

    private final OnboardingMapper mapper;

    public LedgerExport(OnboardingMapper mapper) {
        this.mapper = mapper;
    }

    /** The template with its headers and the 说明 sheet, no rows. */
    public byte[] template() {
        return write(Map.of());
    }

    /** Every facility, project and money movement in the template's sheets (city scope). */
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.LEDGER_EXPORTERS)
    public byte[] export() {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            throw Refusal.forbidden("facility.cityOnly");
        }
        Map<String, String> names = new HashMap<>();
        for (OnboardingMapper.UserName u : mapper.userNames()) {
            names.put(u.username(), u.displayName());
        }
        Map<SheetDef, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put(LedgerTemplate.FACILITIES, mapper.exportFacilities().stream().map(f -> row(
                "code", f.code(), "name", f.name(), "lender", f.lender(), "borrower", f.borrower(),
                "accountNo", f.accountNo(), "amount", f.amount(), "rate", f.annualRate(),
                "startDate", f.startDate(), "maturityDate", f.maturityDate(), "penaltyMarkup", f.penaltyMarkup()))
                .toList());
        rows.put(LedgerTemplate.DRAWDOWNS, mapper.exportLedger("DRAWDOWN").stream().map(e -> row(
                "facility", e.facility(), "valueDate", e.valueDate(), "amount", e.amount(), "voucherNo",
                e.voucherNo())).toList());
        rows.put(LedgerTemplate.CENTRAL_REPAYMENTS, mapper.exportLedger("CENTRAL_REPAYMENT").stream().map(e -> row(
                "facility", e.facility(), "valueDate", e.valueDate(), "principal", positiveOrNull(e.principal()),
                "interest", positiveOrNull(e.interest()), "voucherNo", e.voucherNo())).toList());
        rows.put(LedgerTemplate.PROJECTS, mapper.exportProjects().stream().map(p -> row(
                "code", p.code(), "name", p.name(), "district", p.district(), "developer", p.developer(),
                "developerAccountNo", p.developerAccountNo(), "contractor", p.contractor(),
                "totalUnits", p.totalUnits(), "fundingGap", p.fundingGap(),
                "expectedDelivery", p.expectedDeliveryDate(),
                "status", LedgerTemplate.word(LedgerTemplate.PROJECT_STATUS, p.status()),
                "planText", p.planText(), "official", p.responsibleOfficial(), "taskForce", p.taskForce()))
                .toList());
        rows.put(LedgerTemplate.PAYEES, mapper.exportPayees().stream().map(y -> row(
                "project", y.project(), "name", y.name(), "accountNo", y.accountNo(), "bankName", y.bankName(),
                "kind", LedgerTemplate.word(LedgerTemplate.PAYEE_KIND, y.kind()))).toList());
        rows.put(LedgerTemplate.ALLOCATIONS, mapper.exportAllocations().stream().map(a -> row(
                "project", a.project(), "facility", a.facility(), "amount", a.amount(),
                "approvalRef", a.approvalRef(), "approvedOn", a.approvedOn())).toList());
        rows.put(LedgerTemplate.MILESTONES, mapper.exportMilestones().stream().map(m -> row(
                "project", m.project(), "seq", m.seq(), "name", m.name(), "plannedDate", m.plannedDate(),
                "capPercent", m.capPercent())).toList());
        // 登记日期: a payment against a milestone needed its verification on record, so it was recorded by the first
        // such payment at the latest (a 核验日期 after it is a verification entered ahead with a later date)
        rows.put(LedgerTemplate.VERIFICATIONS, mapper.exportVerifications().stream().map(v -> row(
                "project", v.project(), "seq", v.seq(), "verifiedOn", v.verifiedOn(), "inspector", v.inspector(),
                "evidenceRef", v.evidenceRef(), "unitsDelivered", v.unitsDelivered(),
                "reviewer", person(names, v.verifiedBy()),
                "recordedOn", v.firstPaidOn() != null && v.firstPaidOn().isBefore(v.verifiedOn()) ? v.firstPaidOn()
                        : v.verifiedOn())).toList());
        rows.put(LedgerTemplate.DISBURSEMENTS, mapper.exportDisbursements().stream().map(d -> row(
                "project", d.project(), "facility", d.facility(), "payeeAccount", d.payeeAccount(), "seq", d.seq(),
                "purpose", d.purpose(), "amount", d.amount(),
                "status", LedgerTemplate.word(LedgerTemplate.DISBURSEMENT_STATUS, d.status()),
                "requestedOn", d.paidOn() == null ? cn.baojiaolou.loan.common.BusinessClock.beijing(d.requestedAt())
                        .toLocalDate() : null,
                "paidOn", d.paidOn(), "voucherNo", d.voucherNo(), "maker", person(names, d.requestedBy()),
                "checker", person(names, d.decidedBy()),
                "rejectReason", "REJECTED".equals(d.status()) ? d.decisionNote() : null,
                "reversedOn", d.reversedOn(), "reversalReason", d.reversalReason())).toList());
        rows.put(LedgerTemplate.REPAYMENTS, mapper.exportRepayments().stream().map(r -> row(
                "project", r.project(), "valueDate", r.valueDate(), "amount", r.amount(), "voucherNo",
                r.voucherNo())).toList());
        return write(rows);
    }

    private static BigDecimal positiveOrNull(BigDecimal v) {
        return v == null || v.signum() == 0 ? null : v;
    }

    private static String person(Map<String, String> names, String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ XLSX

    private static byte[] write(Map<SheetDef, List<Map<String, Object>>> data) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(book);
            readme(book, st);
            for (SheetDef def : LedgerTemplate.SHEETS) {
                Sheet sheet = book.createSheet(def.name());
                Row h = sheet.createRow(0);
                for (int c = 0; c < def.columns().size(); c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(def.columns().get(c).header());
                    cell.setCellStyle(def.columns().get(c).required() ? st.required : st.header);
                    sheet.setColumnWidth(c, width(def.columns().get(c)));
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (Map<String, Object> values : data.getOrDefault(def, List.of())) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < def.columns().size(); c++) {
                        Col col = def.columns().get(c);
                        Object v = values.get(col.key());
                        if (v != null) {
                            set(row.createCell(c), col, v, st);
                        }
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Cell cell, Col col, Object v, Styles st) {
        if (v instanceof BigDecimal b) {
            cell.setCellValue(b.doubleValue());
            cell.setCellStyle(col.kind() == LedgerTemplate.Kind.RATE ? st.rate
                    : col.kind() == LedgerTemplate.Kind.PERCENT ? st.plain : st.amount);
        } else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(st.date);
        } else if (v instanceof Integer i) {
            cell.setCellValue(i);
        } else {
            cell.setCellValue(String.valueOf(v));
            cell.setCellStyle(st.text);
        }
    }

    private static int width(Col c) {
        return switch (c.kind()) {
            case DATE, AMOUNT -> 14 * 256;
            case INTEGER, PERCENT, RATE -> 10 * 256;
            case CODE -> 16 * 256;
            case TEXT -> Math.min(40, Math.max(12, c.max() / 4)) * 256;
        };
    }

    /** The 说明 sheet: what the workbook is, each sheet's rows and columns, the rules of the import. */
    private static void readme(Workbook book, Styles st) {
        Sheet s = book.createSheet("说明");
        s.setColumnWidth(0, 16 * 256);
        s.setColumnWidth(1, 26 * 256);
        s.setColumnWidth(2, 8 * 256);
        s.setColumnWidth(3, 60 * 256);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"保交楼专项借款台账导入模板"});
        lines.add(new String[]{"每个工作表的第一行为列名（可有标题行在上，列名可用括号中的同义名称）；金额单位为元（列名写“万元”则按万元读入）；"
                + "日期可为日期单元格或 YYYY-MM-DD、YYYYMMDD、YYYY年M月D日。"});
        lines.add(new String[]{"导入先试算：每一行都按系统规则（与 API 相同的服务）依业务日期顺序检查，列出所有违反规则的行；"
                + "确认后整个工作簿一次导入，有一行出错则全部不导入。"});
        lines.add(new String[]{"经办人、复核人：系统中的真实用户（用户名或姓名）记为经办人、复核人；否则经办人记为导入人，复核人记为“导入:导入人”标记。"});
        lines.add(new String[]{});
        lines.add(new String[]{"工作表", "列名", "必填", "说明（可用的同义列名）"});
        for (SheetDef def : LedgerTemplate.SHEETS) {
            lines.add(new String[]{def.name(), "（每行：" + def.row() + "）", "", def.aliases().isEmpty() ? ""
                    : "工作表也可命名为：" + String.join("、", def.aliases())});
            for (Col c : def.columns()) {
                lines.add(new String[]{"", c.header(), c.required() ? "是" : "", kind(c)
                        + (c.variants().isEmpty() ? "" : "；也可写作：" + String.join("、", c.variants()))});
            }
        }
        lines.add(new String[]{});
        lines.add(new String[]{"状态（项目）", LedgerTemplate.words(LedgerTemplate.PROJECT_STATUS)});
        lines.add(new String[]{"类型（收款人）", LedgerTemplate.words(LedgerTemplate.PAYEE_KIND)});
        lines.add(new String[]{"状态（拨付）", LedgerTemplate.words(LedgerTemplate.DISBURSEMENT_STATUS)
                + "；不填且有付款日期即为已付款"});
        lines.add(new String[]{"登记日期（节点核验）", "核验录入台账的日期，早于核验日期时按它排序（不填即核验日期）"});
        for (int i = 0; i < lines.size(); i++) {
            Row row = s.createRow(i);
            String[] l = lines.get(i);
            for (int c = 0; c < l.length; c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(l[c]);
                cell.setCellStyle(i == 0 || (l.length == 4 && "工作表".equals(l[0])) ? st.header : st.text);
            }
        }
    }

    private static String kind(Col c) {
        return switch (c.kind()) {
            case TEXT -> "文字，最多 " + c.max() + " 字";
            case CODE -> "编号：字母、数字、- _ /，最多 32 位";
            case AMOUNT -> "金额（元，两位小数）";
            case DATE -> "日期";
            case INTEGER -> "整数";
            case PERCENT -> "百分比（20 即 20%）";
            case RATE -> "年利率（2.8% 或 0.028）";
        };
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle required;
        final CellStyle text;
        final CellStyle amount;
        final CellStyle rate;
        final CellStyle plain;
        final CellStyle date;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            required = book.createCellStyle();
            required.setFont(bold);
            required.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_YELLOW.getIndex());
            required.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            text = book.createCellStyle();
            amount = book.createCellStyle();
            amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            rate = book.createCellStyle();
            rate.setDataFormat(book.createDataFormat().getFormat("0.00##%"));
            plain = book.createCellStyle();
            plain.setDataFormat(book.createDataFormat().getFormat("0.##"));
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
