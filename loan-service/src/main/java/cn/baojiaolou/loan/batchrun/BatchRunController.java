package cn.baojiaolou.loan.batchrun;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent nightly-close runs with their step counts (for admins and auditors; see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/batch-runs")
class BatchRunController {

    private final BatchRuns runs;

    BatchRunController(BatchRuns runs) {
        this.runs = runs;
    }

    @GetMapping
    List<BatchRun> recent(@RequestParam(defaultValue = "30") int limit) {
        return runs.recent(limit);
    }
}
