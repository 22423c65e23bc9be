package cn.baojiaolou.loan.demo;

import cn.baojiaolou.loan.bankstatement.BankStatementImporter;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.DueAmounts;
import cn.baojiaolou.loan.domain.interest.PositionInterest;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.milestone.MilestoneReleaseCap;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.project.ProjectLifeCycleService;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.repayment.ProjectRepaymentService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.user.SystemPrincipal;
import cn.baojiaolou.loan.user.UserMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo dataset (profile "demo"), built from the figures in shared/seeds: 零陵区 used ¥170.36m on 16 projects
 * (吾悦华府 ¥56.5m with 565 homes delivered on 2023-06-28, 香零公馆 restarted with ¥15m), 石林县's 17 projects, and
 * two more districts. Everything goes through the same services as the API, in business-date order, so every
 * write-time rule applies. It also plants the suspicious cases the nightly close must find: a payment ahead of
 * verified progress (LL-05), money idle for months (LL-09) and a payment to the developer's own account (LL-12).
 * Loaded once: a database that already has the demo users is left alone.
 */
@Component
@Profile("demo")
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "Demo@2023";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DistrictService districts;
    private final FacilityService facilities;
    private final FacilityMapper facilityMapper;
    private final ProjectService projects;
    private final ProjectLifeCycleService lifeCycle;
    private final DisbursementService disbursements;
    private final ProjectRepaymentService repayments;
    private final LedgerMapper ledger;
    private final UserMapper users;
    private final PasswordEncoder encoder;
    private final BankStatementImporter statements;
    private final JdbcTemplate jdbc;

    private final List<Op> ops = new ArrayList<>();
    private final Map<String, List<Milestone>> milestones = new HashMap<>();
    private final Map<String, Payee> contractors = new HashMap<>();
    private int seq;
    private int voucher;

    DemoDataLoader(DistrictService districts, FacilityService facilities, FacilityMapper facilityMapper,
                   ProjectService projects, DisbursementService disbursements, ProjectRepaymentService repayments,
                   LedgerMapper ledger, UserMapper users,
                   PasswordEncoder encoder, BankStatementImporter statements, JdbcTemplate jdbc,
                   ProjectLifeCycleService lifeCycle) {
        this.lifeCycle = lifeCycle;
        this.districts = districts;
        this.facilities = facilities;
        this.facilityMapper = facilityMapper;
        this.projects = projects;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.ledger = ledger;
        this.users = users;
        this.encoder = encoder;
        this.statements = statements;
        this.jdbc = jdbc;
    }

    /** One dated step; steps run in date order, then in the order they were planned. */
    private record Op(LocalDate date, int seq, Runnable action) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findByUsername("accountant") != null) {
            log.info("演示数据已存在，跳过加载");
            return;
        }
        long started = System.nanoTime();
        as(Role.ADMIN, () -> {
            districts.create("431102", "零陵区");
            districts.create("530126", "石林彝族自治县");
            districts.create("431103", "冷水滩区");
            districts.create("410305", "涧西区");
            return null;
        });
        createUsers();
        planFacilities();
        planLingling();
        planShilin();
        planOthers();
        planCentralInterest("YZ-BJL-2022-01");
        planCentralInterest("KM-BJL-2022-01");
        ops.sort(Comparator.comparing(Op::date).thenComparingInt(Op::seq));
        for (Op op : ops) {
            op.action().run();
        }
        for (String facility : List.of("YZ-BJL-2022-01", "KM-BJL-2022-01", "LY-BJL-2022-01")) {
            importStatement(facility);
        }
        log.info("演示数据加载完成：{} 个步骤，用时 {} 秒", ops.size(), (System.nanoTime() - started) / 1_000_000_000);
    }

    private void createUsers() {
        String hash = encoder.encode(PASSWORD);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        users.insert("accountant", hash, "李会计", Role.ACCOUNTANT, null, now);
        users.insert("reviewer", hash, "王复核", Role.REVIEWER, null, now);
        users.insert("auditor", hash, "赵审计", Role.AUDITOR, null, now);
        users.insert("admin", hash, "系统管理员", Role.ADMIN, null, now);
        long lingling = as(Role.ADMIN, () -> districts.require("零陵区")).id();
        users.insert("lingling-accountant", hash, "零陵区会计", Role.ACCOUNTANT, lingling, now);
        users.insert("lingling-reviewer", hash, "零陵区复核", Role.REVIEWER, lingling, now);
        // a system client for the 专户 bank's statement feed: signs in by API tokens the admin makes for it
        users.insertServiceAccount("bank-feed", "专户银行对账接口（系统账户）", Role.ACCOUNTANT, null, now);
    }

    private void planFacilities() {
        as(Role.ACCOUNTANT, () -> {
            facilities.create(new FacilityService.NewFacility("YZ-BJL-2022-01", "永州市第一批保交楼专项借款",
                    "国家开发银行湖南省分行", "永州市城市发展集团有限责任公司", "43050174360800001888",
                    yuan("220000000.00"), new BigDecimal("0.028"), LocalDate.of(2022, 9, 1),
                    LocalDate.of(2027, 8, 31), null));
            facilities.create(new FacilityService.NewFacility("KM-BJL-2022-01", "昆明市保交楼专项借款（石林县）",
                    "中国农业发展银行云南省分行", "石林彝族自治县城市建设投资开发有限公司", "20553010040000918",
                    yuan("60000000.00"), new BigDecimal("0.028"), LocalDate.of(2022, 9, 1),
                    LocalDate.of(2027, 8, 31), null));
            facilities.create(new FacilityService.NewFacility("LY-BJL-2022-01", "洛阳市第一批保交楼专项借款",
                    "国家开发银行河南省分行", "洛阳城市建设投资集团有限公司", "41050166080800000321",
                    yuan("45000000.00"), new BigDecimal("0.028"), LocalDate.of(2022, 9, 1),
                    LocalDate.of(2027, 8, 31), null));
            return null;
        });
        drawdown("YZ-BJL-2022-01", "90000000.00", LocalDate.of(2022, 9, 15));
        drawdown("YZ-BJL-2022-01", "80000000.00", LocalDate.of(2023, 2, 10));
        drawdown("YZ-BJL-2022-01", "40000000.00", LocalDate.of(2023, 5, 25));
        drawdown("KM-BJL-2022-01", "45000000.00", LocalDate.of(2022, 9, 20));
        drawdown("KM-BJL-2022-01", "12000000.00", LocalDate.of(2023, 3, 1));
        drawdown("LY-BJL-2022-01", "30000000.00", LocalDate.of(2022, 10, 10));
        drawdown("LY-BJL-2022-01", "10000000.00", LocalDate.of(2023, 3, 1));
    }

    private void planLingling() {
        String f = "YZ-BJL-2022-01";
        // 吾悦华府: ¥56.5m, 565 homes delivered on 2023-06-28
        project("LL-01", "吾悦华府", "零陵区", "永州市潇湘源城市发展有限公司", "湖南建工集团有限公司", 565, "56500000.00", f,
                d(2022, 10, 15), new LocalDate[]{d(2022, 11, 1), d(2023, 2, 20), d(2023, 5, 30), d(2023, 6, 28)},
                565, d(2023, 6, 30));
        repay("LL-01", "8000000.00", d(2023, 9, 25));
        repay("LL-01", "12000000.00", d(2023, 12, 28));
        // 香零公馆: developer in bankruptcy, restarted with ¥15m; about 70 owners took their homes end of June
        project("LL-02", "香零公馆", "零陵区", "永州康乃馨养老产业投资置业有限公司（破产管理人代管）", "永州市第一建筑工程有限公司",
                312, "15000000.00", f, d(2022, 9, 20),
                new LocalDate[]{d(2022, 9, 28), d(2022, 12, 15), d(2023, 4, 20), d(2023, 6, 30)}, 72, d(2023, 6, 30));
        project("LL-03", "潇湘源·滨江苑", "零陵区", "永州市潇湘源城市发展有限公司", "中建五局第三建设有限公司", 420,
                "12000000.00", f, d(2022, 10, 20),
                new LocalDate[]{d(2022, 11, 5), d(2023, 1, 18), d(2023, 4, 26), d(2023, 7, 18)}, 420, d(2023, 7, 31));
        project("LL-04", "萍洲春晓", "零陵区", "永州萍洲置业有限公司", "湖南省第六工程有限公司", 380, "9800000.00", f,
                d(2022, 11, 2), new LocalDate[]{d(2022, 11, 20), d(2023, 3, 8), d(2023, 6, 2), d(2023, 8, 22)}, 380,
                d(2023, 8, 31));
        // LL-05: the 主体结构封顶 verification was entered ahead of time with a later date, then paid against:
        // on business dates 2023-04-15 … 2023-05-19, Σ paid is ahead of verified progress.
        project("LL-05", "南津新城·锦园", "零陵区", "永州南津房地产开发有限公司", "湖南望新建设集团股份有限公司", 327,
                "8600000.00", f, d(2022, 11, 10), new LocalDate[]{d(2022, 12, 1)}, 0, d(2023, 10, 31));
        later(d(2023, 4, 14), () -> verify("LL-05", 1, d(2023, 5, 20), null));
        pay("LL-05", 1, "2580000.00", d(2023, 4, 15), "工程款");
        planLater("LL-05", new LocalDate[]{d(2023, 9, 12), d(2023, 11, 28)}, 327, 2, f);
        String[][] rest = {
                {"LL-06", "愚溪雅苑", "7500000.00"}, {"LL-07", "柳子家园二期", "7200000.00"},
                {"LL-08", "芝山名邸", "6900000.00"}, {"LL-09", "锦绣潇湘", "6800000.00"},
                {"LL-10", "湘江一品", "6500000.00"}, {"LL-11", "东山景苑", "6300000.00"},
                {"LL-12", "凤凰城三期", "6000000.00"}, {"LL-13", "徐家井小区", "5760000.00"},
                {"LL-14", "朝阳新天地", "5500000.00"}, {"LL-15", "零陵古城·河西里", "5200000.00"},
                {"LL-16", "永州国际商贸城二期", "4800000.00"}};
        for (int i = 0; i < rest.length; i++) {
            String code = rest[i][0];
            LocalDate approved = d(2023, 1, 5).plusDays(i * 9L);
            LocalDate restart = approved.plusDays(20);
            LocalDate[] verified = code.equals("LL-09") ? new LocalDate[]{restart}
                    : new LocalDate[]{restart, restart.plusDays(150)};
            project(code, rest[i][1], "零陵区", "永州" + rest[i][1].substring(0, 2) + "置业有限公司",
                    "湖南省第" + (i + 2) + "工程有限公司", 180 + i * 17, rest[i][2], f, approved, verified, 0,
                    d(2024, 6, 30).plusMonths(i % 4));
        }
        // LL-12: the developer's own account registered as a payee and paid (a case for PAYEE_NOT_REGISTERED)
        later(d(2023, 8, 20), () -> {
            Payee developer = as(Role.ACCOUNTANT, () -> projects.addPayee("LL-12", "永州凤凰置业有限公司（开发商）",
                    "43050174360800077777", "中国建设银行永州零陵支行", PayeeKind.DEVELOPER));
            disburse("LL-12", developer, 1, "500000.00", d(2023, 8, 20), "其他续建费用");
        });
        repay("LL-03", "3000000.00", d(2023, 10, 16));
        repay("LL-04", "2000000.00", d(2023, 11, 20));
    }

    private void planShilin() {
        String[] names = {"石林阳光花园", "鹿阜小区二期", "石林印象·颐园", "巴江新城", "长湖山庄", "阿诗玛家园",
                "石林金色城邦", "石林新天地", "鹿阜商业广场", "板桥佳苑", "石林温泉小镇", "北大村安置小区",
                "石林城市花园", "文笔山庄", "西街口集镇小区", "大可佳园", "石林滨湖苑"};
        for (int i = 0; i < names.length; i++) {
            String code = String.format("SL-%02d", i + 1);
            LocalDate approved = d(2022, 9, 22).plusDays(i * 3L);
            LocalDate restart = approved.plusDays(10);
            int units = 120 + i * 11;
            project(code, names[i], "石林彝族自治县", "石林" + names[i].substring(2, 4) + "房地产开发有限公司",
                    "云南建投第" + (i % 9 + 1) + "建设有限公司", units, String.valueOf(2000000 + i * 150000) + ".00",
                    "KM-BJL-2022-01", approved, new LocalDate[]{restart, restart.plusDays(60),
                            restart.plusDays(140), restart.plusDays(200)}, units, restart.plusDays(210));
            repay(code, String.valueOf(300000 + i * 20000) + ".00", d(2023, 12, 22));
        }
    }

    private void planOthers() {
        project("LST-01", "冷水滩·潇湘城市广场", "冷水滩区", "永州市冷水滩区城投置业有限公司", "湖南建工集团有限公司", 640,
                "18000000.00", "YZ-BJL-2022-01", d(2023, 3, 1), new LocalDate[]{d(2023, 3, 20), d(2023, 8, 30)}, 0,
                d(2024, 12, 31));
        project("LST-02", "珠山御景", "冷水滩区", "永州珠山置业有限公司", "中建五局第三建设有限公司", 300,
                "10000000.00", "YZ-BJL-2022-01", d(2023, 3, 10), new LocalDate[]{d(2023, 4, 1)}, 0,
                d(2023, 12, 31));
        project("LY-01", "涧西·牡丹府", "涧西区", "洛阳牡丹置业有限公司", "中国一冶集团有限公司", 820, "25000000.00",
                "LY-BJL-2022-01", d(2022, 10, 20), new LocalDate[]{d(2022, 11, 10), d(2023, 3, 15), d(2023, 8, 30)},
                0, d(2024, 5, 31));
        project("LY-02", "天誉城三期", "涧西区", "洛阳天誉房地产开发有限公司", "河南五建建设集团有限公司", 560,
                "15000000.00", "LY-BJL-2022-01", d(2022, 11, 1), new LocalDate[]{d(2022, 11, 25), d(2023, 4, 18)}, 0,
                d(2024, 3, 31));
    }

    /**
     * A project with the default release schedule. After each verification the project is paid up to the newly
     * unlocked cap, ten days later, split between the contractor (工程款) and the wage account (农民工工资).
     */
    private void project(String code, String name, String district, String developer, String contractor, int units,
                         String allocation, String facility, LocalDate approvedOn, LocalDate[] verifiedOn,
                         int deliveredUnits, LocalDate expectedDelivery) {
        LocalDate created = approvedOn.minusDays(5);
        // registered as resumed (复工); a project whose homes are delivered goes 竣工 → 交付 once the last payment is made,
        // and 石林's are closed out (销号) the day after
        ProjectStatus status = ProjectStatus.RESUMED;
        if (deliveredUnits > 0 && verifiedOn.length == 4) {
            LocalDate after = verifiedOn[3].plusDays(11);
            boolean closeOut = district.startsWith("石林");
            later(after, () -> as(Role.ACCOUNTANT, () -> {
                lifeCycle.change(code, ProjectStatus.COMPLETED, verifiedOn[2], "竣工验收备案 JG-" + code, null);
                lifeCycle.change(code, ProjectStatus.DELIVERED, verifiedOn[3], "交付证明 JF-" + code, null);
                return closeOut ? lifeCycle.change(code, ProjectStatus.CLOSED, after, "销号批复 XH-" + code,
                        "房屋全部交付，专项借款拨付完毕") : null;
            }));
        }
        later(created, () -> {
            as(Role.ACCOUNTANT, () -> projects.create(new ProjectService.NewProject(code, name, district, developer,
                    "DEV" + Math.abs(code.hashCode()), contractor, units, yuan(allocation).multiply(BigDecimal.valueOf(2)),
                    expectedDelivery, status, "一楼一策：" + name + "由属地政府牵头成立工作专班，专项借款封闭运行、专款专用，"
                    + "按工程节点核验后拨付，售房款优先归还专项借款。", "区住建局分管副局长", name + "复工续建工作专班")));
            contractors.put(code, as(Role.ACCOUNTANT, () -> projects.addPayee(code, contractor,
                    "4305" + String.format("%016d", Math.abs((long) code.hashCode()) * 7), "中国建设银行",
                    PayeeKind.CONTRACTOR)));
            Payee wages = as(Role.ACCOUNTANT, () -> projects.addPayee(code, name + "农民工工资专户",
                    "4306" + String.format("%016d", Math.abs((long) code.hashCode()) * 11), "中国农业银行",
                    PayeeKind.WAGE_ACCOUNT));
            contractors.put(code + "/wages", wages);
            String[] names = {"复工", "主体结构封顶", "竣工验收", "交付"};
            String[] caps = {"20", "50", "95", "100"};
            List<Milestone> list = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                int m = i;
                list.add(as(Role.ACCOUNTANT, () -> projects.addMilestone(code, names[m],
                        approvedOn.plusMonths(2L + m * 4L), new BigDecimal(caps[m]))));
            }
            milestones.put(code, list);
        });
        later(approvedOn, () -> as(Role.ACCOUNTANT, () -> projects.allocate(code, facility, yuan(allocation),
                "永财债〔" + approvedOn.getYear() + "〕" + (100 + Math.abs(code.hashCode() % 800)) + "号", approvedOn)));
        planLater(code, verifiedOn, deliveredUnits, 0, facility);
    }

    private void planLater(String code, LocalDate[] verifiedOn, int deliveredUnits, int firstIndex, String facility) {
        String[] caps = {"20", "50", "95", "100"};
        for (int i = 0; i < verifiedOn.length; i++) {
            int index = firstIndex + i;
            LocalDate on = verifiedOn[i];
            Integer units = index == 3 && deliveredUnits > 0 ? deliveredUnits : null;
            later(on, () -> verify(code, index, on, units));
            LocalDate payOn = on.plusDays(10);
            later(payOn, () -> {
                ProjectService.ProjectView view = as(Role.ACCOUNTANT, () -> projects.get(code));
                BigDecimal paid = view.paid();
                BigDecimal cap = MilestoneReleaseCap.unlocked(view.allocated(), new BigDecimal(caps[index]));
                BigDecimal due = cap.subtract(paid);
                if (due.signum() <= 0) {
                    return;
                }
                BigDecimal wages = due.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP);
                disburse(code, contractors.get(code), index, due.subtract(wages).toPlainString(), payOn, "工程款");
                disburse(code, contractors.get(code + "/wages"), index, wages.toPlainString(), payOn, "农民工工资");
            });
        }
    }

    private void verify(String code, int index, LocalDate on, Integer units) {
        Milestone m = milestones.get(code).get(index);
        as(Role.REVIEWER, () -> projects.verify(code, m.id(), on, "监理工程师" + "张李王赵刘".charAt(index % 5) + "工",
                "监理报告 JL-" + code + "-" + (index + 1), units));
    }

    private void pay(String code, int milestoneIndex, String amount, LocalDate on, String purpose) {
        later(on, () -> disburse(code, contractors.get(code), milestoneIndex, amount, on, purpose));
    }

    private void disburse(String code, Payee payee, int milestoneIndex, String amount, LocalDate on, String purpose) {
        Milestone m = milestones.get(code).get(milestoneIndex);
        Disbursement d = as(Role.ACCOUNTANT, () -> disbursements.request(code, payee.id(), m.id(), purpose,
                yuan(amount), null));
        as(Role.REVIEWER, () -> disbursements.approve(d.id(), "资料齐全，同意拨付"));
        as(Role.ACCOUNTANT, () -> disbursements.pay(d.id(), on, nextVoucher(on)));
    }

    private void repay(String code, String amount, LocalDate on) {
        later(on, () -> as(Role.ACCOUNTANT, () -> repayments.repay(code, yuan(amount), on, nextVoucher(on))));
    }

    private void drawdown(String facility, String amount, LocalDate on) {
        later(on, () -> as(Role.ACCOUNTANT, () -> facilities.drawdown(facility, yuan(amount), on,
                nextVoucher(on))));
    }

    /** The day after each 结息日, the borrower pays the facility's settled interest to the bank (统还). */
    private void planCentralInterest(String code) {
        for (LocalDate settle = d(2022, 12, 20); !settle.isAfter(d(2023, 12, 20)); settle = settle.plusMonths(3)) {
            LocalDate on = settle.plusDays(1);
            later(on, () -> {
                Facility f = facilityMapper.findByCode(code);
                DueAmounts due = AccumulatedBalanceInterest.dueOn(f.contractTerms(),
                        PositionInterest.events(ledger.facilityEvents(f.id())), on);
                BigDecimal interest = due.interestWithPenalty();
                if (interest.signum() > 0) {
                    as(Role.ACCOUNTANT, () -> facilities.centralRepayment(code, null, interest, on, nextVoucher(on)));
                }
            });
        }
    }

    /**
     * The bank's statement of a facility's 专户, mirroring its ledger, imported through the same importer as the
     * API. Two planted cases for the nightly close: on 2023-06-15 a court deducts ¥1,300,000 from the YZ 专户 with
     * no record in the ledger (BANK_WITHOUT_LEDGER, then BALANCE_MISMATCH; its memo names the case, so the import
     * flags it and opens the deduction in the court register, and COURT_DEDUCTION raises it), and the bank line of
     * one LL-07 payment is missing (LEDGER_WITHOUT_BANK).
     */
    private void importStatement(String code) {
        Facility f = facilityMapper.findByCode(code);
        StringBuilder csv = new StringBuilder("交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要\n");
        BigDecimal[] balance = {BigDecimal.ZERO};
        int[] serial = {0};
        boolean[] courtDone = {!code.startsWith("YZ")};
        boolean[] skipped = {false};
        jdbc.query("SELECT e.value_date, e.entry_type, e.amount, e.account_effect, e.voucher_no, y.name, y.account_no, "
                + "p.code FROM ledger_entry e LEFT JOIN disbursement d ON d.id = e.disbursement_id "
                + "LEFT JOIN payee y ON y.id = d.payee_id LEFT JOIN project p ON p.id = e.project_id "
                + "WHERE e.facility_id = ? ORDER BY e.value_date, e.id", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    LocalDate on = rs.getDate(1).toLocalDate();
                    if (!courtDone[0] && on.isAfter(d(2023, 6, 15))) {
                        courtDone[0] = true;
                        balance[0] = balance[0].subtract(yuan("1300000.00"));
                        csv.append(line(d(2023, 6, 15), "借", "1300000.00", "永州市零陵区人民法院", "3201300000000001",
                                code, ++serial[0], "", balance[0], "司法扣划（2023）湘1102执1234号"));
                    }
                    BigDecimal effect = rs.getBigDecimal(4);
                    if (!skipped[0] && "LL-07".equals(rs.getString(8)) && "PAYMENT".equals(rs.getString(2))) {
                        skipped[0] = true; // the bank never shows this payment
                        return;
                    }
                    balance[0] = balance[0].add(effect);
                    String name = rs.getString(6) != null ? rs.getString(6) : switch (rs.getString(2)) {
                        case "DRAWDOWN", "CENTRAL_REPAYMENT" -> f.lender();
                        default -> rs.getString(8) == null ? "" : rs.getString(8) + " 售房款监管账户";
                    };
                    csv.append(line(on, effect.signum() < 0 ? "借" : "贷", rs.getBigDecimal(3).toPlainString(), name,
                            rs.getString(7) == null ? "" : rs.getString(7), code, ++serial[0], rs.getString(5),
                            balance[0], rs.getString(2)));
                }, f.id());
        as(Role.ACCOUNTANT, () -> statements.importStatement(code, code + "-专户流水.csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String line(LocalDate on, String direction, String amount, String counterparty, String account,
                               String facility, int serial, String voucher, BigDecimal balance, String memo) {
        return String.join(",", on.toString(), on.toString(), direction, amount, counterparty, account,
                "BK" + facility.substring(0, 2) + String.format("%06d", serial), voucher == null ? "" : voucher,
                balance.toPlainString(), memo) + "\n";
    }

    private void later(LocalDate date, Runnable action) {
        ops.add(new Op(date, seq++, action));
    }

    private String nextVoucher(LocalDate on) {
        return String.format("JZ%s-%04d", on.toString().replace("-", ""), ++voucher);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private <T> T as(Role role, Supplier<T> work) {
        LoanUser user = new LoanUser(switch (role) {
            case ACCOUNTANT -> "accountant";
            case REVIEWER -> "reviewer";
            case AUDITOR -> "auditor";
            case ADMIN -> "admin";
            case SYSTEM -> SystemPrincipal.NAME;
        }, "", "", role, null, true);
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
