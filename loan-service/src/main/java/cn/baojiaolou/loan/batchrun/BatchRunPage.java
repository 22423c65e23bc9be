package cn.baojiaolou.loan.batchrun;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 批处理: the recent nightly runs with their step counts (admins). */
@Controller
class BatchRunPage {

    private final BatchRuns runs;

    BatchRunPage(BatchRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/batch-runs")
    String runs(Model model) {
        model.addAttribute("runs", runs.recent(30));
        return "batch-runs";
    }
}
