package cn.baojiaolou.loan.demo;

import cn.baojiaolou.loan.LoanCore;
import cn.baojiaolou.loan.bankstatement.BankStatementImporter;
import cn.baojiaolou.loan.bankstatement.ImportResult;
import cn.baojiaolou.loan.court.CourtRegister;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.court.CourtDeduction;
import cn.baojiaolou.loan.domain.court.DeductionStatus;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.onboarding.LedgerExport;
import cn.baojiaolou.loan.onboarding.OnboardingService;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.user.UserMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip of issue 12: the demo (built through the services, as the demo profile builds it) is exported to the
 * 台账 template, the workbook is checked and imported into an empty database, and every facility and project has the
 * same balances and interest to the fen. The export is also the sample workbook of docs/samples, cell for cell. Two
 * databases of their own on the test server (the shared test database has other tests' data), each with a core
 * context (LoanCore, no web edge), as the batch runner has.
 */
class DemoRoundTripTest {

    static final Path SAMPLE = Path.of("../docs/samples/ledger-workbook-sample.xlsx");
    static final LocalDate DAY = LocalDate.of(2023, 12, 31);
    private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
    @Import(LoanCore.class)
    static class Core {
    }

    @Test
    void theDemoExportedToTheTemplateImportsIntoAnEmptyDatabaseWithTheSameBalancesAndInterest() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        ConfigurableApplicationContext source = context("loan_rt_demo_" + run);
        source.getAutowireCapableBeanFactory().createBean(DemoDataLoader.class).run(null);
        LoanUser demoAccountant = user(source, "accountant");

        byte[] workbook = as(demoAccountant, () -> source.getBean(LedgerExport.class).export());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/ledger-workbook-sample.xlsx"), workbook);
        Map<String, String> before = figures(source, demoAccountant);

        // the demo shows its court deduction in the register
        List<CourtRegister.DeductionView> deductions = as(demoAccountant, () -> source.getBean(CourtRegister.class)
                .register("YZ-BJL-2022-01").deductions());
        assertThat(deductions).singleElement().satisfies(v -> {
            CourtDeduction d = v.deduction();
            assertThat(d.amount()).isEqualByComparingTo("1300000.00");
            assertThat(d.deductedOn()).isEqualTo(LocalDate.of(2023, 6, 15));
            assertThat(d.status()).isEqualTo(DeductionStatus.OPEN);
            assertThat(d.court()).isEqualTo("永州市零陵区人民法院");
            assertThat(d.caseNo()).isEqualTo("（2023）湘1102执1234号");
        });

        // the sample statement re-uploaded after the demo: its eleven lines are the demo's under other serials, held
        ImportResult again = as(demoAccountant, () -> source.getBean(BankStatementImporter.class).importStatement(
                "YZ-BJL-2022-01", "bank-statement-sample.csv",
                Files.readAllBytes(Path.of("../docs/samples/bank-statement-sample.csv"))));
        assertThat(again.linesTotal()).isEqualTo(11);
        assertThat(again.held()).isEqualTo(11);
        assertThat(again.imported()).isZero();

        // an empty database: only the districts (the administrator's set-up) and one accountant
        ConfigurableApplicationContext target = context("loan_rt_empty_" + run);
        JdbcTemplate sourceDb = source.getBean(JdbcTemplate.class);
        LoanUser admin = new LoanUser("rt-admin", "", "管理员", Role.ADMIN, null, true);
        for (Map<String, Object> d : sourceDb.queryForList("SELECT code, name FROM district ORDER BY id")) {
            as(admin, () -> target.getBean(DistrictService.class).create((String) d.get("code"),
                    (String) d.get("name")));
        }
        target.getBean(UserMapper.class).insert("rt-importer", "x", "导入会计", Role.ACCOUNTANT, null,
                LocalDateTime.now(ZoneOffset.UTC));
        LoanUser importer = user(target, "rt-importer");
        assertThat(target.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM facility", Long.class))
                .isZero();

        OnboardingService onboarding = target.getBean(OnboardingService.class);
        long t0 = System.nanoTime();
        OnboardingService.Result checked = as(importer, () -> onboarding.check("demo.xlsx", workbook));
        long t1 = System.nanoTime();
        assertThat(checked.problems()).as("problems of the dry run").isEmpty();
        assertThat(checked.status()).isEqualTo("CHECKED");
        assertThat(target.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM facility", Long.class))
                .as("the dry run stores nothing").isZero();
        OnboardingService.Result imported = as(importer, () -> onboarding.confirm(checked.id()));
        long t2 = System.nanoTime();
        System.out.printf("台账导入 round trip: %d rows; dry run %.1f s, confirmation %.1f s%n", checked.rowsTotal(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertThat(imported.status()).isEqualTo("IMPORTED");
        assertThat(imported.created().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(checked.rowsTotal());

        Map<String, String> after = figures(target, importer);
        assertThat(after).isEqualTo(before);
        assertThat(before).hasSizeGreaterThan(500);
        // the same ledger: every entry type with the same count and sum
        assertThat(ledger(target)).isEqualTo(ledger(source));

        // docs/samples holds this very export
        assertThat(SAMPLE).as("copy target/ledger-workbook-sample.xlsx to docs/samples").exists();
        assertThat(cells(Files.readAllBytes(SAMPLE))).isEqualTo(cells(workbook));
    }

    @AfterAll
    static void close() {
        for (ConfigurableApplicationContext c : CONTEXTS) {
            String db = c.getEnvironment().getProperty("loan.embedded-db.database");
            try {
                c.getBean(JdbcTemplate.class).execute("DROP DATABASE IF EXISTS `" + db + "`");
            } finally {
                c.close();
            }
        }
    }

    /** Every balance and interest figure of every facility and project (today's, and as of 2023-12-31). */
    private static Map<String, String> figures(ConfigurableApplicationContext c, LoanUser user) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        FacilityService facilities = c.getBean(FacilityService.class);
        ProjectService projects = c.getBean(ProjectService.class);
        ProjectInterest interest = c.getBean(ProjectInterest.class);
        JdbcTemplate db = c.getBean(JdbcTemplate.class);
        for (FacilityService.FacilityView v : as(user, facilities::all)) {
            String k = "facility " + v.facility().code() + " ";
            out.put(k + "amount", fen(v.facility().amount()));
            out.put(k + "rate", v.facility().annualRate().stripTrailingZeros().toPlainString());
            out.put(k + "drawn", fen(v.drawn()));
            out.put(k + "allocated", fen(v.allocated()));
            out.put(k + "paid", fen(v.paidToProjects()));
            out.put(k + "repaidPrincipal", fen(v.repaidPrincipal()));
            out.put(k + "repaidInterest", fen(v.repaidInterest()));
            out.put(k + "outstanding", fen(v.outstanding()));
            out.put(k + "received", fen(v.receivedFromProjects()));
            out.put(k + "bookBalance", fen(v.accountBalance()));
            out.put(k + "interest", v.interest().toString());
        }
        for (String code : db.queryForList("SELECT code FROM project ORDER BY code", String.class)) {
            ProjectService.ProjectView v = as(user, () -> projects.get(code));
            String k = "project " + code + " ";
            out.put(k + "status", v.project().status().name());
            out.put(k + "units", v.project().deliveredUnits() + "/" + v.project().totalUnits());
            out.put(k + "allocated", fen(v.allocated()));
            out.put(k + "unlocked", fen(v.unlocked()));
            out.put(k + "paid", fen(v.paid()));
            out.put(k + "principalRepaid", fen(v.principalRepaid()));
            out.put(k + "outstanding", fen(v.principalOutstanding()));
            out.put(k + "interestAccrued", fen(v.interestAccrued()));
            out.put(k + "interestSettled", fen(v.interestSettled()));
            out.put(k + "interestDue", fen(v.interestDue()));
            out.put(k + "penaltyDue", fen(v.penaltyDue()));
            out.put(k + "interest@2023-12-31", as(user, () -> interest.asOf(v.project().id(), DAY)).toString());
            out.put(k + "milestones", v.milestones().stream().map(m -> m.seq() + ":" + m.name() + ":"
                    + m.cumulativeCapPercent().stripTrailingZeros().toPlainString() + ":" + m.verifiedOn()).toList()
                    .toString());
        }
        return out;
    }

    private static Map<String, String> ledger(ConfigurableApplicationContext c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.getBean(JdbcTemplate.class).query("SELECT entry_type, COUNT(*), SUM(amount), SUM(principal), SUM(interest), "
                + "SUM(penalty), MIN(value_date), MAX(value_date) FROM ledger_entry GROUP BY entry_type ORDER BY "
                + "entry_type", rs -> {
            out.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                    + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7) + " " + rs.getString(8));
        });
        return out;
    }

    /** A workbook's sheets as the text of their cells, row by row. */
    static Map<String, List<List<String>>> cells(byte[] xlsx) throws IOException {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        DataFormatter format = new DataFormatter();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : book) {
                List<List<String>> rows = new ArrayList<>();
                for (Row r : s) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getLastCellNum(); i++) {
                        cells.add(r.getCell(i) == null ? "" : format.formatCellValue(r.getCell(i)));
                    }
                    rows.add(cells);
                }
                out.put(s.getSheetName(), rows);
            }
        }
        return out;
    }

    private static String fen(BigDecimal v) {
        return v == null ? "null" : v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static LoanUser user(ConfigurableApplicationContext c, String username) {
        return c.getBean(UserMapper.class).findByUsername(username);
    }

    private static <T> T as(LoanUser user, Callable<T> work) throws Exception {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return work.call();
        } finally {
            context.setAuthentication(previous);
        }
    }

    /** A core context on a database of its own: on the test server, or beside LOAN_DB_URL's database. */
    private static ConfigurableApplicationContext context(String database) {
        List<String> args = new ArrayList<>(List.of("--loan.embedded-db.database=" + database,
                "--spring.main.banner-mode=off", "--loan.embedded-db.fresh=false"));
        String external = System.getenv("LOAN_DB_URL");
        if (external != null && !external.isBlank()) {
            Matcher m = Pattern.compile("(jdbc:[a-z]+://[^/?]+/)([^?]*)(\\?.*)?").matcher(external);
            assertThat(m.matches()).as("LOAN_DB_URL " + external).isTrue();
            String query = m.group(3) == null ? "?" : m.group(3) + "&";
            args.add("--LOAN_DB_URL=" + m.group(1) + database + query + "createDatabaseIfNotExist=true");
        }
        ConfigurableApplicationContext c = new SpringApplicationBuilder(Core.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
        CONTEXTS.add(c);
        return c;
    }
}
