package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.matching.MatchResult;
import cn.baojiaolou.batch.nightlyclose.matching.StatementMatching;
import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import cn.baojiaolou.batch.nightlyclose.rules.ReconciliationRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nightly close of business date D (job parameter {@code businessDate}): accrue → settle → intake → match →
 * rules → print → close. Each step's work is an upsert keyed by date and row, committed in chunks by the step itself
 * (the tasklets run without a surrounding transaction), so a restart after a kill re-runs the unfinished step and
 * ends in the same state. A completed step is not repeated on restart.
 */
@Configuration
public class NightlyCloseJobConfig {

    private static final Logger log = LoggerFactory.getLogger(NightlyCloseJobConfig.class);

    public static final String JOB = "nightlyClose";
    public static final String BUSINESS_DATE = "businessDate";

    private final JobRepository repository;
    private final NightlyCloseProgress progress;
    private final ResourcelessTransactionManager noOuterTransaction = new ResourcelessTransactionManager();

    NightlyCloseJobConfig(JobRepository repository, NightlyCloseProgress progress) {
        this.repository = repository;
        this.progress = progress;
    }

    @Bean
    Job nightlyCloseJob(Step accrueStep, Step settleStep, Step intakeStep, Step matchStep, Step rulesStep,
                        Step printStep, Step closeStep) {
        return new JobBuilder(JOB, repository).start(accrueStep).next(settleStep).next(intakeStep).next(matchStep)
                .next(rulesStep).next(printStep).next(closeStep).build();
    }

    @Bean
    Step accrueStep(InterestAccrual accrual) {
        return step("accrue", (contribution, chunk) -> {
            InterestAccrual.Counts c = accrual.accrue(businessDate(chunk));
            counts(contribution, c.positions(), c.rows());
        });
    }

    @Bean
    Step settleStep(InterestAccrual accrual) {
        return step("settle", (contribution, chunk) -> {
            InterestAccrual.Counts c = accrual.settle(businessDate(chunk));
            counts(contribution, c.positions(), c.rows());
        });
    }

    /**
     * The incremental state the later steps read: the day's new rows into the open tables, totals moved to D, the
     * day's milestones and verifications into the milestone state.
     */
    @Bean
    Step intakeStep(IncrementalState state) {
        return step("intake", (contribution, chunk) -> {
            IncrementalState.Counts taken = state.takeIn();
            int positions = state.advanceTotals(businessDate(chunk));
            IncrementalState.MilestoneCounts milestones = state.takeInMilestones();
            counts(contribution, taken.total(), taken.total() + positions + milestones.total());
        });
    }

    @Bean
    Step matchStep(StatementMatching matching) {
        return step("match", (contribution, chunk) -> {
            MatchResult r = matching.match(businessDate(chunk));
            counts(contribution, r.total(), r.total());
            progress.note("对账匹配：按凭证号 %d 笔，按金额和对方账号 %d 笔".formatted(r.voucher(), r.fuzzy()));
        });
    }

    @Bean
    Step rulesStep(List<ReconciliationRule> rules, ExceptionRegister register) {
        return step("rules", (contribution, chunk) -> {
            LocalDate d = businessDate(chunk);
            List<Finding> findings = new ArrayList<>();
            for (ReconciliationRule rule : rules) {
                long started = System.nanoTime();
                List<Finding> found = rule.evaluate(d);
                findings.addAll(found);
                // per rule, for the benchmark (docs/BENCHMARKS.md)
                log.info("rule {} on {}: {} findings in {} ms", rule.code(), d, found.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            Set<String> evaluated = rules.stream().map(ReconciliationRule::code).collect(Collectors.toSet());
            ExceptionRegister.Counts c = register.record(d, evaluated, findings);
            counts(contribution, findings.size(), c.opened() + c.carried() + c.closed());
            progress.note("规则 %d 条：新增异常 %d，延续 %d，自动关闭 %d，未关闭合计 %d".formatted(rules.size(),
                    c.opened(), c.carried(), c.closed(), c.open()));
        });
    }

    /** Step 5: print and archive the reports of D (printing.NightlyReportPrinting). */
    @Bean
    Step printStep(ObjectProvider<NightlyReportPrinter> printer) {
        return step("print", (contribution, chunk) -> {
            NightlyReportPrinter p = printer.getIfAvailable();
            if (p == null) {
                progress.note("报表打印：未配置打印，跳过");
                return;
            }
            int printed = p.print(businessDate(chunk));
            counts(contribution, printed, printed);
            progress.note("报表打印 %d 份，已归档（相同内容不重复归档）".formatted(printed));
        });
    }

    @Bean
    Step closeStep(BusinessDayMapper days) {
        return step("close", (contribution, chunk) -> {
            days.recordClosed(businessDate(chunk), chunk.getStepContext().getStepExecution().getJobExecutionId());
            counts(contribution, 1, 1);
        });
    }

    /** Step 5's extension point, implemented by the reports module's printing. */
    public interface NightlyReportPrinter {
        /** Prints and archives the reports of D; answers how many were printed. */
        int print(LocalDate businessDate) throws Exception;
    }

    private interface Work {
        void run(StepContribution contribution, ChunkContext chunk) throws Exception;
    }

    private Step step(String name, Work work) {
        return new StepBuilder(name, repository).tasklet((contribution, chunk) -> {
            work.run(contribution, chunk);
            return RepeatStatus.FINISHED;
        }, noOuterTransaction).listener(progress).build();
    }

    static LocalDate businessDate(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobParameters().getLocalDate(BUSINESS_DATE);
    }

    private static void counts(StepContribution contribution, long read, long written) {
        contribution.getStepExecution().setReadCount(read);
        contribution.incrementWriteCount(written);
    }
}
