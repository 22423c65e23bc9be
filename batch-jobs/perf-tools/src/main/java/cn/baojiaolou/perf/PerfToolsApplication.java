package cn.baojiaolou.perf;

import cn.baojiaolou.batch.BatchCore;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The performance tools: the national-scale data generator and the benchmarks of the nightly close and the reports
 * (docs/BENCHMARKS.md). A jar of their own, apart from the production runner, because they write test data, undo
 * closes and may resize the server's buffer pool; they refuse any database holding data they did not generate
 * ({@link GeneratedDataOnly}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
@Import(BatchCore.class)
@ComponentScan(basePackages = "cn.baojiaolou.perf")
@MapperScan(basePackages = "cn.baojiaolou.perf", annotationClass = Mapper.class)
public class PerfToolsApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PerfToolsApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
