package cn.baojiaolou.loan.court;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.reports.RmbUppercase;
import cn.baojiaolou.loan.domain.court.CourtDeduction;
import cn.baojiaolou.loan.domain.court.CourtFreeze;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.reports.LetterDocument;
import cn.baojiaolou.reports.LetterDocument.Paragraph;
import cn.baojiaolou.reports.PdfLetterRenderer;
import cn.baojiaolou.reports.RenderedPdf;
import cn.baojiaolou.reports.ReportNumbers;
import cn.baojiaolou.reports.WanYuan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drafts the letter (函) to the court and the 住建 department about a freeze or a deduction of the 专户, citing
 * 法〔2022〕12号 (最高人民法院、住房和城乡建设部、中国人民银行《关于规范人民法院保全执行措施确保商品房预售资金用于项目建设的
 * 通知》): a supervised account may be frozen only with notice to 住建, and deducted only for the project's own
 * construction and material claims. Rendered by the reports module ({@link PdfLetterRenderer}, A4, Noto Sans SC);
 * always in Chinese, since it goes to a Chinese court. A draft: the bureau's legal staff complete and sign it.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class CourtLetters {

    private final CourtRegister register;
    private final CourtMapper mapper;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final String sender;
    private final String housingDepartment;
    private final PdfLetterRenderer renderer = new PdfLetterRenderer();

    public CourtLetters(CourtRegister register, CourtMapper mapper, AuditTrail audit, BusinessClock clock,
                        @Value("${loan.reports.issuing-unit}") String sender,
                        @Value("${loan.court.housing-department:市住房和城乡建设局}") String housingDepartment) {
        this.register = register;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.sender = sender;
        this.housingDepartment = housingDepartment;
    }

    /** The letter about a deduction: asks the court to return what is outstanding to the 专户. */
    @Transactional
    @PreAuthorize(Authorities.REPORT_READERS)
    public RenderedPdf deductionLetter(long id) {
        CourtDeduction d = register.deduction(id).deduction();
        CourtMapper.FacilityLine f = mapper.facility(d.facilityId());
        LocalDate today = clock.today();
        String court = d.court() == null ? "（承办法院）" : d.court();
        String caseNo = d.caseNo() == null ? "（案号待补）" : d.caseNo();
        List<Paragraph> body = new ArrayList<>();
        body.add(Paragraph.text(PdfLetterRenderer.chineseDate(d.deductedOn()) + "，贵院在执行" + caseNo + "一案中，从"
                + f.borrower() + "开立的保交楼专项借款专户扣划资金人民币" + yuan(d.amount()) + "元（大写：人民币"
                + RmbUppercase.of(d.amount()) + "）。"));
        body.addAll(account(f));
        body.add(Paragraph.fact("扣划日期：" + PdfLetterRenderer.chineseDate(d.deductedOn())));
        body.add(Paragraph.fact("扣划金额：人民币" + yuan(d.amount()) + "元"));
        if (d.recovered() != null && d.recovered().signum() > 0) {
            body.add(Paragraph.fact("已退回：人民币" + yuan(d.recovered()) + "元；尚未退回：人民币"
                    + yuan(d.outstanding()) + "元"));
        }
        body.add(Paragraph.fact("执行案号：" + caseNo));
        body.add(Paragraph.text(purpose(f)));
        body.add(Paragraph.text(LAW + "对监管账户内的资金，除因本项目工程建设产生的工程款、材料款等债权外，不得扣划。"
                + "经核，本次扣划所执行的债权不属于本项目自身的工程建设、材料等债权（定稿前请承办人核实）。"));
        body.add(Paragraph.text("上述资金关系" + f.name() + "所支持项目的续建交付和购房群众的合法权益。特函请贵院依法审查，"
                + "将扣划的资金人民币" + yuan(d.outstanding()) + "元（大写：人民币" + RmbUppercase.of(d.outstanding())
                + "）退回上述专户，并请" + housingDepartment + "依职责予以协调。如需补充材料，请与我单位联系。"));
        body.add(Paragraph.text("特此函告。"));
        body.add(Paragraph.fact("抄送：" + housingDepartment));
        RenderedPdf pdf = render("deduction", d.id(), today, "关于依法退回保交楼专项借款专户被扣划资金的函",
                court + "：", body);
        audit.write("COURT_LETTER_DRAFTED", "court-deduction", d.id(), null, Map.of("pages", pdf.pages(),
                "sha256", pdf.sha256()));
        return pdf;
    }

    /** The letter about a freeze: tells the court and 住建 what the account is, asks for the freeze to be lifted. */
    @Transactional
    @PreAuthorize(Authorities.REPORT_READERS)
    public RenderedPdf freezeLetter(long id) {
        CourtFreeze z = register.freeze(id);
        CourtMapper.FacilityLine f = mapper.facility(z.facilityId());
        LocalDate today = clock.today();
        List<Paragraph> body = new ArrayList<>();
        body.add(Paragraph.text(PdfLetterRenderer.chineseDate(z.frozenOn()) + "，贵院在" + z.caseNo() + "一案中，冻结了"
                + f.borrower() + "开立的保交楼专项借款专户内资金人民币" + yuan(z.amount()) + "元（大写：人民币"
                + RmbUppercase.of(z.amount()) + "）。"));
        body.addAll(account(f));
        body.add(Paragraph.fact("冻结日期：" + PdfLetterRenderer.chineseDate(z.frozenOn())));
        body.add(Paragraph.fact("冻结金额：人民币" + yuan(z.amount()) + "元"));
        body.add(Paragraph.fact("案号：" + z.caseNo()));
        body.add(Paragraph.text(purpose(f)));
        body.add(Paragraph.text(LAW + "人民法院冻结监管账户内的资金，应当通知当地住房和城乡建设主管部门；对监管账户内的资金，"
                + "除因本项目工程建设产生的工程款、材料款等债权外，不得扣划。冻结期间，专户内资金无法按工程节点拨付，"
                + "项目续建交付将受影响。"));
        body.add(Paragraph.text("特函请贵院依法审查，解除对上述专户的冻结，或将冻结限于本项目工程建设、材料等债权的范围内，"
                + "并请" + housingDepartment + "依职责予以协调。如需补充材料，请与我单位联系。"));
        body.add(Paragraph.text("特此函告。"));
        body.add(Paragraph.fact("抄送：" + housingDepartment));
        RenderedPdf pdf = render("freeze", z.id(), today, "关于保交楼专项借款专户被司法冻结有关情况的函",
                z.court() + "：", body);
        audit.write("COURT_LETTER_DRAFTED", "court-freeze", z.id(), null, Map.of("pages", pdf.pages(),
                "sha256", pdf.sha256()));
        return pdf;
    }

    /** The letter's number: BJL-CL-20231231-…, from the action and the day it is drafted. */
    public static String number(String kind, long id, LocalDate date) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("kind", kind);
        parameters.put("id", String.valueOf(id));
        return ReportNumbers.derive("court-letter", "CL", date, parameters);
    }

    private RenderedPdf render(String kind, long id, LocalDate date, String title, String addressee,
                               List<Paragraph> body) {
        return renderer.render(new LetterDocument(number(kind, id, date), date, title, List.of(addressee), body,
                sender, "草稿 · 供定稿参考"));
    }

    private static final String LAW = "根据《最高人民法院 住房和城乡建设部 中国人民银行关于规范人民法院保全执行措施 确保商品房"
            + "预售资金用于项目建设的通知》（法〔2022〕12号）的规定和精神，";

    private static String purpose(CourtMapper.FacilityLine f) {
        return "该专户是" + f.name() + "（贷款银行：" + f.lender() + "）的专项借款专户，资金来源于保交楼专项借款，"
                + "实行专款专用、封闭运行，仅用于已售逾期难交付住宅项目的续建和交付，按工程节点核验后拨付，"
                + "不属于被执行人可自由支配的一般资金。";
    }

    private static List<Paragraph> account(CourtMapper.FacilityLine f) {
        return List.of(Paragraph.fact("专户户名：" + f.borrower()),
                Paragraph.fact("专户账号：" + (f.accountNo() == null ? "（未登记）" : f.accountNo())),
                Paragraph.fact("借款批次：" + f.code() + " " + f.name()));
    }

    private static String yuan(BigDecimal amount) {
        return WanYuan.formatYuan(amount);
    }
}
