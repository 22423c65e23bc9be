package cn.baojiaolou.loan.apidocs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each operation is, for integrators: its operationId (the generated client's method name), summary and
 * description, keyed by "METHOD path". One table so that the contract reads as a whole; a missing entry fails
 * ApiContractTest.
 */
final class Operations {

    record Doc(String id, String summary, String description) {
    }

    static final Map<String, Doc> ALL = new LinkedHashMap<>();

    /** Operations that answer 201 through a ResponseEntity, which springdoc documents as 200. */
    static final java.util.Set<String> CREATED_BY_RESPONSE_ENTITY = java.util.Set.of("POST /api/v1/onboarding");

    private static void op(String key, String id, String summary, String description) {
        ALL.put(key, new Doc(id, summary, description));
    }

    static {
        // 借款 facilities
        op("GET /api/v1/facilities", "listFacilities", "借款合同列表 / List facilities",
                "本人辖区可见的专项借款合同及其额度、已提款、已划拨与余额。 / The facilities in the caller's scope with their totals.");
        op("POST /api/v1/facilities", "createFacility", "登记借款合同 / Register a facility",
                "登记一笔专项借款合同（出借行、额度、年利率、起止日、专户）。 / Registers a special-loan facility.");
        op("GET /api/v1/facilities/{code}", "getFacility", "借款合同详情 / Get a facility",
                "合同、额度占用、结息记录。 / The facility, its totals and its interest settlements.");
        op("POST /api/v1/facilities/{code}/drawdowns", "drawdown", "提款入账 / Record a drawdown",
                "银行放款到专户后登记提款（记账凭证号在合同内唯一）。动钱接口，须带 Idempotency-Key。 / Books a drawdown into the "
                        + "escrow account; money-moving, needs an Idempotency-Key.");
        op("POST /api/v1/facilities/{code}/repayments", "facilityRepayment", "统借统还还款 / Central repayment",
                "按还款顺序（罚息、利息、本金）归还出借行。动钱接口。 / Repays the lender (penalty, interest, principal); "
                        + "money-moving.");
        op("POST /api/v1/facilities/{code}/term-changes", "requestTermChange", "申请条款变更 / Ask for a term change",
                "展期（EXTENSION，newMaturityDate）或利率调整（RATE，newAnnualRate），带批复文号与生效日期；复核人员批准后才生效。"
                        + "生效日期须晚于最后一个已关账日、不早于该合同最近一笔记账；新到期日须晚于生效时的到期日；新利率 0–20%。"
                        + "利率调整在生效日把计息期的积数分段，各段按各自利率计息，结息时一次四舍五入到分。"
                        + " / An extension or a rate change with its approval document; in force once a reviewer "
                        + "approves it. It takes effect after the last closed day and not before the latest posting. "
                        + "A new rate splits the period's balance-days at its effective day, each part at its own "
                        + "rate, rounded once at settlement.");
        op("GET /api/v1/facilities/{code}/term-changes", "termChanges", "条款变更记录 / Term changes",
                "合同的展期与利率调整（待复核、已批准、已驳回），按生效日期。 / The facility's term changes, asked for, "
                        + "approved or rejected, by effective date.");
        op("POST /api/v1/facilities/{code}/term-changes/{id}/approval", "approveTermChange", "批准条款变更 / Approve a term change",
                "复核人员批准（不能批准自己提交的）；批准时再次检查生效日期。 / A reviewer approves (never their own); the "
                        + "dates are checked again.");
        op("POST /api/v1/facilities/{code}/term-changes/{id}/rejection", "rejectTermChange", "驳回条款变更 / Reject a term change",
                "复核人员驳回，须写明原因。 / A reviewer rejects, with a reason.");
        // 项目 projects
        op("GET /api/v1/projects", "searchProjects", "项目列表 / Search projects",
                "按区县、状态、关键字查找项目。 / Projects by district, status or a word of the name.");
        op("POST /api/v1/projects", "createProject", "登记项目 / Register a project",
                "登记一个保交楼项目（开发商、总套数、资金缺口、计划交付日）。 / Registers a 保交楼 project.");
        op("GET /api/v1/projects/{code}", "getProject", "项目详情 / Get a project",
                "项目、收款人、额度分配、节点与可申请金额。 / The project with payees, allocations, milestones and what may be requested.");
        op("PUT /api/v1/projects/{code}", "editProjectFacts", "修改项目基本情况 / Edit a project's facts",
                "修改一楼一策、包保领导、工作专班、总套数等基本情况（编号、区县与状态不在此修改；总套数不少于已交付套数；已销号的项目不能修改）。"
                        + " / Edits the project's facts (not its code, district or status); total units never below "
                        + "the homes delivered; a closed-out project keeps its facts.");
        op("POST /api/v1/projects/{code}/status", "changeProjectStatus", "变更项目状态 / Change a project's status",
                "停工 → 复工 → 竣工 → 交付 → 销号，每次一步（复工后可再次停工），须有生效日期（不晚于今天、不早于上次变更）和文件编号。"
                        + "销号须全部房屋交付、分配额度全部拨付、节点全部核验、无未完成的拨付申请且无未处理的严重异常，否则 422 并在 errors[] 中逐条列出。"
                        + " / One step of STOPPED → RESUMED → COMPLETED → DELIVERED → CLOSED (a resumed project may stop "
                        + "again), dated and with its document. CLOSED needs every home delivered, the allocation paid "
                        + "out, every milestone verified, no open request and no open SERIOUS exception; otherwise 422 "
                        + "lists each blocker in errors[].");
        op("GET /api/v1/projects/{code}/status-history", "projectStatusHistory", "项目状态变更记录 / Status history",
                "项目的状态变更，按发生顺序；第一行（fromStatus 为空）是登记时的状态。 / The project's status changes in "
                        + "order; the first row (no fromStatus) is the status it was registered with.");
        op("POST /api/v1/projects/{code}/payees", "addPayee", "登记收款人 / Add a payee",
                "登记施工方、供应商等收款账户。 / Adds a payee (contractor, supplier …) of the project.");
        op("POST /api/v1/projects/{code}/allocations", "allocate", "分配额度 / Allocate a facility",
                "把借款合同的额度按批复分配给项目。 / Allocates part of a facility to the project under an approval.");
        op("POST /api/v1/projects/{code}/milestones", "addMilestone", "登记节点 / Add a milestone",
                "工程节点及其累计可拨付比例上限。 / A construction milestone and its cumulative release cap.");
        op("POST /api/v1/projects/{code}/milestones/{id}/verification", "verifyMilestone", "节点核验 / Verify a milestone",
                "复核人员现场核验节点，解锁相应比例的拨付。 / A reviewer verifies the milestone, unlocking its share.");
        op("GET /api/v1/projects/{code}/interest", "projectInterest", "项目利息 / Project interest",
                "截至 asOf 日终（北京时间，缺省今天）的积数、计提、结息、应付利息与罚息。 / Balance-days, accrued, settled, "
                        + "due interest and penalty at the end of asOf (Beijing time, default today).");
        op("GET /api/v1/projects/{code}/ledger", "projectLedger", "项目台账 / Project ledger",
                "项目的台账分录及余额，按记账顺序。 / The project's ledger lines with running balance.");
        // 项目还款 repayments
        op("POST /api/v1/projects/{code}/repayments", "projectRepayment", "项目还款 / Project repayment",
                "项目归还借款，按罚息、利息、本金的顺序分摊到各合同。动钱接口。 / Repays the project's positions "
                        + "(penalty, interest, principal); money-moving.");
        op("GET /api/v1/projects/{code}/repayments/preview", "previewProjectRepayment", "还款试算 / Preview a repayment",
                "不记账，只给出一笔还款的分摊。 / The split a repayment would have; nothing is posted.");
        // 拨付 disbursements
        op("GET /api/v1/disbursements", "searchDisbursements", "拨付列表 / Search disbursements",
                "按项目、状态查找拨付申请。 / Disbursement requests by project and status.");
        op("POST /api/v1/disbursements", "requestDisbursement", "拨付申请 / Request a disbursement",
                "会计按节点向收款人申请拨付，申请金额即预占。动钱接口。 / An accountant requests a payment to a payee "
                        + "against a milestone; the amount is reserved. Money-moving.");
        op("GET /api/v1/disbursements/{id}", "getDisbursement", "拨付详情 / Get a disbursement",
                "一笔拨付申请及其审批、支付、冲正情况。 / One disbursement and its decisions.");
        op("POST /api/v1/disbursements/{id}/approval", "approveDisbursement", "审批通过 / Approve",
                "复核人员批准（不能批自己的申请）。 / A reviewer approves (never their own request).");
        op("POST /api/v1/disbursements/{id}/rejection", "rejectDisbursement", "驳回 / Reject",
                "复核人员驳回，释放预占。 / A reviewer rejects; the reservation is released.");
        op("POST /api/v1/disbursements/{id}/payment", "payDisbursement", "支付入账 / Record the payment",
                "银行付款后登记支付（凭证号、付款日）。动钱接口。 / Books the payment made by the bank; money-moving.");
        op("POST /api/v1/disbursements/{id}/reversal", "reverseDisbursement", "冲正 / Reverse a payment",
                "退票等原因冲正已支付的拨付（红字分录，原分录不改）。动钱接口。 / Reverses a paid disbursement with a "
                        + "counter-entry; money-moving.");
        // 对账异常 reconciliation exceptions
        op("GET /api/v1/exceptions", "searchExceptions", "对账异常 / Reconciliation exceptions",
                "夜间对账发现的异常，按状态、规则查找。 / Exceptions found by the nightly reconciliation.");
        op("POST /api/v1/exceptions/{id}/resolution", "resolveException", "处理异常 / Resolve an exception",
                "复核人员记录处理结果。 / A reviewer records how the exception was resolved.");
        // 银行流水 bank statements
        op("GET /api/v1/bank-statements", "statementLines", "流水查询 / Statement lines",
                "已导入的专户流水，按 id 顺序分页（每次至多 1000 行，afterId 翻页）。 / Imported lines in id order, "
                        + "1000 at most a call; page with afterId.");
        op("POST /api/v1/bank-statements", "importStatement", "导入流水 / Import a statement",
                "multipart/form-data：file（CSV 或 XLSX）与 account（合同编码或专户账号）。 / Imports a CSV or XLSX statement.");
        op("POST /api/v1/bank-statements/preview", "previewStatement", "流水预览 / Preview a statement",
                "识别表头并给出首个映射，不入库。 / Finds the header and a first mapping; nothing is stored.");
        op("GET /api/v1/bank-statements/layouts", "statementLayouts", "内置银行格式 / Built-in layouts",
                "内置的银行导出格式及其表头。 / The built-in bank export layouts.");
        op("GET /api/v1/bank-statements/mappings", "statementMappings", "表头映射 / Header mappings",
                "专户已保存的表头映射。 / The saved header mappings of an account.");
        op("POST /api/v1/bank-statements/mappings", "saveStatementMapping", "保存表头映射 / Save a mapping",
                "保存某专户某表头每一列对应的字段。 / Saves which field each header cell is.");
        op("GET /api/v1/bank-statements/held", "heldLines", "疑似重复行 / Held lines",
                "疑似重复而暂挂的流水行（status：HELD 缺省、CONFIRMED、DROPPED、ALL）。 / Lines held as probable duplicates.");
        op("POST /api/v1/bank-statements/held/{id}/confirmation", "confirmHeldLine", "确认入账 / Confirm a held line",
                "确认不是重复，入库。 / Not a duplicate: the line is stored.");
        op("POST /api/v1/bank-statements/held/{id}/drop", "dropHeldLine", "舍弃 / Drop a held line",
                "确认是重复，舍弃。 / A duplicate: the line is dropped.");
        // 司法 court actions
        op("GET /api/v1/court-actions", "courtRegister", "司法登记簿 / Court register",
                "冻结、扣划及追回，被标记的流水行；可按专户查看冻结金额。 / Freezes, deductions with recoveries, flagged lines.");
        op("POST /api/v1/court-actions/freezes", "freeze", "登记冻结 / Record a freeze",
                "法院冻结专户资金。 / A court freezes money in the escrow account.");
        op("POST /api/v1/court-actions/freezes/{id}/release", "releaseFreeze", "解除冻结 / Release a freeze",
                "登记解冻。 / The freeze is lifted.");
        op("GET /api/v1/court-actions/freezes/{id}/letter.pdf", "freezeLetter", "冻结告知函 / Freeze letter",
                "冻结情况告知函（PDF）。 / The letter about the freeze, as PDF.");
        op("POST /api/v1/court-actions/deductions", "deduction", "登记扣划 / Record a deduction",
                "法院从专户扣划资金。 / A court deducts money from the escrow account.");
        op("GET /api/v1/court-actions/deductions/{id}", "getDeduction", "扣划详情 / Get a deduction",
                "扣划及其追回。 / The deduction and its recoveries.");
        op("POST /api/v1/court-actions/deductions/{id}/particulars", "deductionParticulars", "补录扣划信息 / Add particulars",
                "补录案号、法院等信息。 / Adds the case number, court and other particulars.");
        op("POST /api/v1/court-actions/deductions/{id}/recoveries", "recoverDeduction", "登记追回 / Record a recovery",
                "扣划款项追回到专户。 / Money of the deduction came back.");
        op("POST /api/v1/court-actions/deductions/{id}/write-off", "writeOffDeduction", "核销 / Write off",
                "复核人员核销无法追回的余额。 / A reviewer writes off what cannot be recovered.");
        op("GET /api/v1/court-actions/deductions/{id}/letter.pdf", "deductionLetter", "扣划告知函 / Deduction letter",
                "扣划情况告知函（PDF）。 / The letter about the deduction, as PDF.");
        // 报表 reports
        op("GET /api/v1/reports/{report}.{format}", "downloadReport", "下载报表 / Download a report",
                "报表 PDF 或 XLSX（金额以万元计）；响应头带 SHA-256 与报表编号。 / A report as PDF or XLSX (amounts in 万元); "
                        + "the SHA-256 and the report number come as headers.");
        op("GET /api/v1/reports/summary", "reportSummary", "汇总表数据 / Summary figures",
                "汇总表的数字（与 PDF、XLSX 相同）。 / The summary report's figures as JSON.");
        op("GET /api/v1/reports/archive", "reportArchive", "报表存档 / Report archive",
                "夜间打印与下载的存档，新的在前。 / Archived prints and downloads, newest first.");
        op("GET /api/v1/reports/archive/package", "reportArchivePackage", "月度档案包 / Monthly archive package",
                "一个月的存档 PDF 与 index.xml（各文件的报表、参数、SHA-256、签名证书及月末审计链头）的 zip，可离线校验；仅限全市"
                        + "范围。 / A month's archived PDFs and their index as a zip, verifiable offline; city scope only.");
        op("POST /api/v1/reports/verification", "verifyReport", "报表验真 / Verify a report",
                "上传 PDF（file）或给出 sha256，判断是否为存档原件。 / Is this an archived original?");
        // 台账导入 onboarding
        op("GET /api/v1/onboarding/template.xlsx", "onboardingTemplate", "导入模板 / Import template",
                "台账导入模板（XLSX）。 / The onboarding workbook template.");
        op("GET /api/v1/onboarding/export.xlsx", "ledgerExport", "台账导出 / Export the ledger",
                "整本台账导出为导入模板格式（XLSX）。 / The whole ledger in the template's format.");
        op("POST /api/v1/onboarding", "checkOnboarding", "导入检查 / Check a workbook",
                "上传台账工作簿（file），检查后暂存，不入账。 / Checks an uploaded workbook; nothing is posted yet.");
        op("GET /api/v1/onboarding/{id}", "getOnboarding", "导入结果 / Get a check",
                "一次检查的行数、将创建的记录与问题。 / Rows, what would be created and the problems.");
        op("GET /api/v1/onboarding/{id}/problems.xlsx", "onboardingProblems", "问题清单 / Problems workbook",
                "检查发现的问题清单（XLSX）。 / The problems found, as a workbook.");
        op("POST /api/v1/onboarding/{id}/confirmation", "confirmOnboarding", "确认导入 / Confirm the import",
                "无问题的检查确认入账。 / A clean check is imported.");
        // 区县 districts
        op("GET /api/v1/districts", "listDistricts", "区县列表 / List districts", "全部区县。 / All districts.");
        op("POST /api/v1/districts", "createDistrict", "登记区县 / Create a district",
                "管理员登记区县。 / An administrator adds a district.");
        // API 令牌 tokens
        op("GET /api/v1/me/tokens", "myTokens", "我的令牌 / My tokens",
                "本人的 API 令牌（不含令牌本身）。 / The caller's API tokens (never the secret).");
        op("POST /api/v1/me/tokens", "createMyToken", "创建令牌 / Create a token",
                "为本人创建 API 令牌；令牌只在此响应中出现一次。 / Creates a token; the secret is shown once, here.");
        op("DELETE /api/v1/me/tokens/{id}", "revokeMyToken", "吊销令牌 / Revoke a token", "吊销本人的令牌。 / Revokes one.");
        op("GET /api/v1/service-accounts/{username}/tokens", "serviceAccountTokens", "系统账号令牌 / Service-account tokens",
                "管理员查看系统账号的令牌。 / An administrator lists a service account's tokens.");
        op("POST /api/v1/service-accounts/{username}/tokens", "createServiceAccountToken",
                "为系统账号创建令牌 / Create a service-account token",
                "管理员为银行、省平台等系统账号创建令牌；令牌只出现一次。 / For the bank's or the province's system; shown once.");
        op("DELETE /api/v1/service-accounts/{username}/tokens/{id}", "revokeServiceAccountToken",
                "吊销系统账号令牌 / Revoke a service-account token", "管理员吊销。 / An administrator revokes it.");
        // 用户 users
        op("GET /api/v1/users", "listUsers", "用户列表 / List users",
                "全部用户：登录名、姓名、角色、范围、是否启用、是否须改密码、是否系统账户。 / Every user with role, scope and state.");
        op("POST /api/v1/users", "createUser", "新增用户 / Create a user",
                "管理员新增用户；响应中的一次性密码只出现这一次，首次登录须修改。 / Creates a user; the one-time password is "
                        + "shown once and must be changed at the first login.");
        op("POST /api/v1/users/{username}/disable", "disableUser", "停用用户 / Disable a user",
                "停用后不能登录；管理员不能停用自己。 / A disabled user cannot sign in; an admin cannot disable themself.");
        op("POST /api/v1/users/{username}/enable", "enableUser", "启用用户 / Enable a user",
                "重新启用已停用的用户。 / Enables a disabled user again.");
        op("POST /api/v1/users/{username}/password-reset", "resetUserPassword", "重置密码 / Reset a password",
                "给出新的一次性密码（只出现一次），下次登录须修改。 / A new one-time password, shown once.");
        op("POST /api/v1/me/password", "changeMyPassword", "修改本人密码 / Change one's password",
                "至少 10 个字符，不含登录名，不能是最近 5 次用过的密码；一次性密码只允许调用本接口。 / At least 10 characters, "
                        + "not containing the login, none of the last 5; a one-time password allows only this call.");
        // 审计 audit
        op("GET /api/v1/audit-events", "searchAuditEvents", "审计日志 / Audit events",
                "按用户、动作、对象、时间查审计记录。 / Audit rows by user, action, target and time.");
        op("GET /api/v1/audit-events/chain-check", "auditChainCheck", "审计链校验 / Check the audit chain",
                "逐条校验审计记录的哈希链。 / Verifies the hash chain of the audit rows.");
        op("GET /api/v1/batch-runs", "recentBatchRuns", "批处理记录 / Batch runs",
                "最近的夜间批处理及各步骤。 / Recent nightly runs and their steps.");
    }

    private Operations() {
    }
}
