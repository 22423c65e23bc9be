package cn.baojiaolou.perf.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load a province's integrations put on a running service, from the outside and with the JDK only
 * (java.net.http): 16 clients with API tokens post money (disbursement requests, approvals, payments, project
 * repayments, each with its own Idempotency-Key), then read (a project, its interest as of today, its ledger). Then it
 * checks what must hold: every key replays its first answer (so every key completed), balances equal the ledger, no cap
 * is exceeded, the audit chain is intact. docs/BENCHMARKS.md has the command and the figures.
 *
 * <pre>
 *   java batch-jobs/perf-tools/src/main/java/cn/baojiaolou/perf/load/LoadBenchmark.java \
 *        [--url=http://127.0.0.1:8080] [--clients=16] [--seconds=30] [--projects=64] [--facilities=1]
 *        [--accountant=accountant] [--reviewer=reviewer] [--auditor=auditor] [--password=Demo@2023]
 * </pre>
 * Against the demo (profile demo): it adds facilities of its own (LOAD-…) and their projects in 零陵区, and leaves them.
 * With --facilities=N the projects are spread over N facilities (a province's cities each borrow on their own): the
 * money writes of one facility take its row lock one after another, so one facility is the worst case.
 * Exit code 0 when every invariant holds, 1 when one does not, 2 on a usage or set-up error.
 */
public final class LoadBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final URI base;
    private final int clients;
    private final Duration phase;
    private final int projectCount;
    private final int facilityCount;
    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final LocalDate today = LocalDate.now(BEIJING);
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

    private String accountantToken;
    private String reviewerToken;
    private String auditorToken;
    private final List<String> facilities = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    /** Every money POST sent in the posting phase, with the status it got, for the replay check. */
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    record Project(String code, long payeeId, long milestoneId) {
    }

    record Sent(String token, String key, String path, String body, int status) {
    }

    record Answer(int status, String body, long micros, boolean replayed) {
    }

    LoadBenchmark(Map<String, String> options) {
        this.options = options;
        this.base = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        this.clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        this.phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        this.projectCount = Integer.parseInt(options.getOrDefault("projects", "64"));
        this.facilityCount = Integer.parseInt(options.getOrDefault("facilities", "1"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("用法: LoadBenchmark [--url=http://127.0.0.1:8080] [--clients=16] [--seconds=30] "
                        + "[--projects=64] [--facilities=1] [--accountant=…] [--reviewer=…] [--auditor=…] [--password=…]");
                System.exit(2);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        System.exit(new LoadBenchmark(options).run());
    }

    int run() throws Exception {
        try {
            setUp();
        } catch (IllegalStateException e) {
            System.err.println("准备数据失败: " + e.getMessage());
            return 2;
        }
        Result postings = postingPhase();
        Result reads = readPhase();
        System.out.println();
        System.out.printf("%-22s %8s %10s %9s %9s %9s %8s%n", "phase (" + clients + " clients)", "ok", "per s",
                "p50 ms", "p99 ms", "max ms", "errors");
        postings.print("money postings");
        reads.print("reads");
        postings.byKind.forEach((kind, r) -> r.print("  " + kind));
        return checkInvariants() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------- set-up

    private void setUp() throws Exception {
        String password = options.getOrDefault("password", "Demo@2023");
        accountantToken = token(options.getOrDefault("accountant", "accountant"), password);
        reviewerToken = token(options.getOrDefault("reviewer", "reviewer"), password);
        auditorToken = token(options.getOrDefault("auditor", "auditor"), password);
        String district = options.getOrDefault("district", "零陵区");
        for (int f = 0; f < facilityCount; f++) {
            String facility = "LOAD-" + run + (facilityCount == 1 ? "" : "-" + f);
            expect(201, post(accountantToken, "/api/v1/facilities", json("code", facility, "name", "负载测试借款 " + run
                    + " " + f, "lender", "国家开发银行", "borrower", "负载测试", "accountNo", "9550" + run + f, "amount",
                    num("5000000000.00"), "annualRate", num("0.0280"), "startDate", today.minusDays(30).toString(),
                    "maturityDate", today.plusYears(3).toString())), "facility");
            expect(201, money(accountantToken, "/api/v1/facilities/" + facility + "/drawdowns", json("amount",
                    num("5000000000.00"), "valueDate", today.minusDays(30).toString(), "voucherNo", "LD-" + run + f)),
                    "drawdown");
            facilities.add(facility);
        }
        for (int i = 0; i < projectCount; i++) {
            String code = "LP-" + run + "-" + i;
            expect(201, post(accountantToken, "/api/v1/projects", json("code", code, "name", "负载测试项目 " + i,
                    "district", district, "developer", "负载测试开发商", "totalUnits", 500)), "project");
            long payee = id(expect(201, post(accountantToken, "/api/v1/projects/" + code + "/payees", json("name",
                    "负载测试施工单位 " + i, "accountNo", "6222" + run + i, "bankName", "中国建设银行",
                    "kind", "CONTRACTOR")), "payee"));
            expect(201, post(accountantToken, "/api/v1/projects/" + code + "/allocations", json("facilityCode",
                    facilities.get(i % facilityCount), "amount", num("10000000.00"), "approvalRef", "负载-" + i, "approvedOn",
                    today.minusDays(20).toString())), "allocation");
            long restart = id(expect(201, post(accountantToken, "/api/v1/projects/" + code + "/milestones",
                    json("name", "复工", "plannedDate", today.minusDays(10).toString(), "cumulativeCapPercent",
                            num("20"))), "milestone"));
            expect(201, post(reviewerToken, "/api/v1/projects/" + code + "/milestones/" + restart
                    + "/verification", json("verifiedOn", today.minusDays(10).toString(), "inspector", "负载测试",
                    "evidenceRef", "LOAD-" + i)), "verification");
            projects.add(new Project(code, payee, restart));
        }
        System.out.printf("准备完成：借款 %s，%d 个项目，%d 个客户端，每阶段 %d 秒%n", String.join("、", facilities),
                projectCount, clients, phase.toSeconds());
    }

    private String token(String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/me/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("name", "负载测试 " + run, "expiresOn",
                        today.toString()))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(username + " 无法创建令牌: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "token");
    }

    // --------------------------------------------------------------------------------------------- the phases

    /** Latencies in microseconds, per kind of request. */
    static final class Result {
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final Map<String, Result> byKind = new java.util.concurrent.ConcurrentHashMap<>();
        volatile long elapsedNanos;
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        void add(String kind, Answer a, boolean good) {
            for (Result r : List.of(this, byKind.computeIfAbsent(kind, k -> new Result()))) {
                r.micros.add(a.micros());
                if (good) {
                    r.ok.increment();
                } else {
                    r.errors.increment();
                }
                r.elapsedNanos = elapsedNanos;
            }
            if (!good && firstErrors.size() < 5) {
                firstErrors.add(kind + " → " + a.status() + " " + a.body());
            }
        }

        void print(String label) {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = elapsedNanos / 1e9;
            System.out.printf("%-22s %8d %10.1f %9.1f %9.1f %9.1f %8d%n", label, ok.sum(), ok.sum() / seconds,
                    pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                    errors.sum());
            firstErrors.forEach(e -> System.out.println("    " + e));
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]
                    / 1000.0;
        }
    }

    /** Per client: requests made and not yet approved, approved and not yet paid, projects it has paid into. */
    private final class Poster {
        final List<long[]> requested = new ArrayList<>();
        final List<long[]> approved = new ArrayList<>();
        final List<Integer> paidInto = new ArrayList<>();

        void step(Result result) throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int roll = random.nextInt(100);
            if (!approved.isEmpty() && roll < 40) {
                long[] d = approved.remove(0);
                String voucher = "LZ-" + run + "-" + UUID.randomUUID().toString().substring(0, 13);
                Answer a = money(accountantToken, "/api/v1/disbursements/" + d[1] + "/payment", json("paidOn",
                        today.toString(), "voucherNo", voucher));
                result.add("payment", a, a.status() == 200);
                if (a.status() == 200) {
                    paidInto.add((int) d[0]);
                }
            } else if (!requested.isEmpty() && roll < 70) {
                long[] d = requested.remove(0);
                Answer a = money(reviewerToken, "/api/v1/disbursements/" + d[1] + "/approval", json("note", "同意"));
                result.add("approval", a, a.status() == 200);
                if (a.status() == 200) {
                    approved.add(d);
                }
            } else if (!paidInto.isEmpty() && roll >= 90) {
                int p = paidInto.get(random.nextInt(paidInto.size()));
                Answer a = money(accountantToken, "/api/v1/projects/" + projects.get(p).code() + "/repayments",
                        json("amount", num("10.00"), "valueDate", today.toString(), "voucherNo", "LH-" + run + "-"
                                + UUID.randomUUID().toString().substring(0, 13)));
                result.add("project repayment", a, a.status() == 201);
            } else {
                int p = random.nextInt(projects.size());
                Project project = projects.get(p);
                String amount = (100 + random.nextInt(100)) + "." + String.format("%02d", random.nextInt(100));
                Answer a = money(accountantToken, "/api/v1/disbursements", json("projectCode", project.code(),
                        "payeeId", project.payeeId(), "milestoneId", project.milestoneId(), "purpose", "工程款",
                        "amount", num(amount)));
                result.add("request", a, a.status() == 201);
                if (a.status() == 201) {
                    requested.add(new long[] {p, id(a)});
                }
            }
        }
    }

    private Result postingPhase() throws InterruptedException {
        Result result = new Result();
        System.out.println("记账阶段 …");
        timed(result, () -> {
            Poster poster = new Poster();
            return () -> poster.step(result);
        });
        return result;
    }

    private Result readPhase() throws InterruptedException {
        Result result = new Result();
        System.out.println("查询阶段 …");
        timed(result, () -> () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String code = projects.get(random.nextInt(projects.size())).code();
            int kind = random.nextInt(3);
            String path = switch (kind) {
                case 0 -> "/api/v1/projects/" + code;
                case 1 -> "/api/v1/projects/" + code + "/interest?asOf=" + today;
                default -> "/api/v1/projects/" + code + "/ledger";
            };
            Answer a = get(auditorToken, path);
            result.add(kind == 0 ? "project" : kind == 1 ? "interest as of" : "ledger", a, a.status() == 200);
        });
        return result;
    }

    interface Step {
        void run() throws Exception;
    }

    interface StepFactory {
        Step create();
    }

    private void timed(Result result, StepFactory factory) throws InterruptedException {
        long started = System.nanoTime();
        long end = started + phase.toNanos();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            Step step = factory.create();
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        step.run();
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("请求失败: " + e);
                        }
                    }
                    result.elapsedNanos = System.nanoTime() - started;
                }
            }, "load-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        result.elapsedNanos = System.nanoTime() - started;
        result.byKind.values().forEach(r -> r.elapsedNanos = result.elapsedNanos);
    }

    // ----------------------------------------------------------------------------------------- the invariants

    private boolean checkInvariants() throws Exception {
        System.out.println();
        System.out.println("检查 …");
        boolean ok = true;
        // every key completed: sent again, each answers its first status as a replay and posts nothing
        long notReplayed = 0;
        List<Sent> all = new ArrayList<>(sent);
        for (Sent s : all) {
            Answer again = send(s.token(), s.path(), s.body(), s.key());
            boolean firstWasGood = s.status() >= 200 && s.status() < 300;
            if (firstWasGood ? !(again.replayed() && again.status() == s.status()) : again.status() >= 500) {
                notReplayed++;
            }
        }
        ok &= report(notReplayed == 0, "每个幂等键已完成：重发 " + all.size() + " 个请求，均原样重放",
                notReplayed + " 个键重发后没有原样重放");

        BigDecimal paidTotal = BigDecimal.ZERO;
        long broken = 0;
        for (Project p : projects) {
            String view = get(auditorToken, "/api/v1/projects/" + p.code()).body();
            BigDecimal paid = decimal(view, "paid");
            BigDecimal allocated = decimal(view, "allocated");
            BigDecimal unlocked = decimal(view, "unlocked");
            BigDecimal repaid = decimal(view, "principalRepaid");
            String ledger = get(auditorToken, "/api/v1/projects/" + p.code() + "/ledger").body();
            BigDecimal ledgerPaid = sumOf(ledger, "PAYMENT");
            BigDecimal ledgerRepaid = sumOf(ledger, "PROJECT_REPAYMENT");
            if (paid.compareTo(allocated) > 0 || paid.compareTo(unlocked) > 0 || paid.compareTo(ledgerPaid) != 0
                    || repaid.compareTo(ledgerRepaid) > 0) {
                broken++;
                System.out.println("  " + p.code() + ": 拨付 " + paid + "，分配 " + allocated + "，解锁 " + unlocked
                        + "，台账拨付 " + ledgerPaid + "，还本 " + repaid + "，台账回收 " + ledgerRepaid);
            }
            paidTotal = paidTotal.add(paid);
        }
        ok &= report(broken == 0, "项目余额与台账一致，没有超分配、超进度", broken + " 个项目不一致");

        BigDecimal facilitiesPaid = BigDecimal.ZERO;
        for (String facility : facilities) {
            String f = get(auditorToken, "/api/v1/facilities/" + facility).body();
            BigDecimal balance = decimal(f, "accountBalance");
            BigDecimal expected = decimal(f, "drawn").subtract(decimal(f, "paidToProjects"))
                    .add(decimal(f, "receivedFromProjects")).subtract(decimal(f, "repaidPrincipal"))
                    .subtract(decimal(f, "repaidInterest"));
            ok &= report(balance.compareTo(expected) == 0, facility + " 专户余额 " + balance
                    + " = 提款 − 拨付 + 项目回收 − 统还", facility + " 专户余额 " + balance + "，应为 " + expected);
            facilitiesPaid = facilitiesPaid.add(decimal(f, "paidToProjects"));
        }
        ok &= report(facilitiesPaid.compareTo(paidTotal) == 0, "各借款拨付合计 " + facilitiesPaid + " 与各项目之和一致",
                "各借款拨付合计 " + facilitiesPaid + "，项目之和 " + paidTotal);

        String chain = get(auditorToken, "/api/v1/audit-events/chain-check").body();
        ok &= report(chain.contains("\"intact\":true"), "审计链完整（" + chain + "）", "审计链断裂：" + chain);
        return ok;
    }

    private static boolean report(boolean holds, String good, String bad) {
        System.out.println((holds ? "  ✓ " : "  ✗ ") + (holds ? good : bad));
        return holds;
    }

    /** Σ amount of a project's ledger rows of one entry type (reversals count negative). */
    private static BigDecimal sumOf(String ledger, String type) {
        BigDecimal sum = BigDecimal.ZERO;
        Matcher m = Pattern.compile("\\{[^{}]*\"entryType\"\\s*:\\s*\"(" + type + "(?:_REVERSAL)?)\"[^{}]*\\}")
                .matcher(ledger);
        while (m.find()) {
            BigDecimal amount = decimal(m.group(), "amount");
            sum = m.group(1).endsWith("_REVERSAL") ? sum.subtract(amount.abs()) : sum.add(amount);
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------------- HTTP, JSON

    private Answer money(String token, String path, String body) throws IOException, InterruptedException {
        String key = UUID.randomUUID().toString();
        Answer a = send(token, path, body, key);
        sent.add(new Sent(token, key, path, body, a.status()));
        return a;
    }

    private Answer post(String token, String path, String body) throws IOException, InterruptedException {
        return send(token, path, body, null);
    }

    private Answer send(String token, String path, String body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return exchange(request.build());
    }

    private Answer get(String token, String path) throws IOException, InterruptedException {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private Answer exchange(HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - started) / 1000,
                response.headers().firstValue("Idempotency-Replayed").map("true"::equals).orElse(false));
    }

    private static Answer expect(int status, Answer a, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + ": " + a.status() + " " + a.body());
        }
        return a;
    }

    private static long id(Answer a) {
        Matcher m = ID.matcher(a.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + a.body());
        }
        return Long.parseLong(m.group(1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static BigDecimal decimal(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?(-?[0-9]+(?:\\.[0-9]+)?)").matcher(json);
        return m.find() ? new BigDecimal(m.group(1)) : BigDecimal.ZERO;
    }

    /** A number, written into the JSON as a number. */
    private static Object num(String value) {
        return new BigDecimal(value);
    }

    /** A flat JSON object from name, value pairs (strings quoted and escaped, numbers as they are). */
    private static String json(Object... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(pairs[i]).append("\":");
            Object v = pairs[i + 1];
            if (v instanceof Number) {
                out.append(v);
            } else {
                out.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }

}
