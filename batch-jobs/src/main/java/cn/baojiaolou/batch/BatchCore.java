package cn.baojiaolou.batch;

import cn.baojiaolou.loan.LoanCore;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The nightly close and everything it needs: loan-service's {@link LoanCore} (domain, persistence, services, method
 * security) and the jobs of {@code cn.baojiaolou.batch.nightlyclose}. The production runner ({@link
 * BatchJobsApplication}) and the performance tools (batch-jobs/perf-tools) each import it and add their own
 * commands.
 */
@Configuration(proxyBeanMethods = false)
@Import(LoanCore.class)
@ComponentScan(basePackages = "cn.baojiaolou.batch.nightlyclose")
@MapperScan(basePackages = "cn.baojiaolou.batch.nightlyclose", annotationClass = Mapper.class)
public class BatchCore {
}
