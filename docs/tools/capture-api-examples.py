#!/usr/bin/env python3
"""Captures whole-response examples for docs/openapi.json from a running demo (吾悦华府, LL-01, real voucher forms).

Run it against a *fresh* demo (it writes: a project, a payment, a repayment …):
    java -jar loan-service/target/loan-service-exec.jar --spring.profiles.active=demo \
         --loan.embedded-db.dir=/tmp/examples-db --loan.embedded-db.port=3399 --server.port=8099
    python3 docs/tools/capture-api-examples.py http://127.0.0.1:8099      # tokens, reads, a project's set-up
    java -jar batch-jobs/target/batch-jobs-exec.jar nightly --business-date=2023-12-31 \
         --loan.embedded-db.dir=/tmp/examples-db --loan.embedded-db.port=3399
    python3 docs/tools/capture-api-examples.py http://127.0.0.1:8099 --reads  # the reads again, with the closes
    python3 docs/tools/capture-api-examples.py http://127.0.0.1:8099 --more   # the other writes, dated 2024
It writes loan-service/src/main/resources/apidocs/examples/<operationId>.json; lists are cut to two items.
ApiContract puts each file into its operation's 2xx response; Spectral checks it against the schema.
"""
import base64, json, os, sys, urllib.parse, urllib.request, urllib.error, uuid

BASE = sys.argv[1].rstrip('/') if len(sys.argv) > 1 and sys.argv[1].startswith('http') else 'http://127.0.0.1:8099'
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'loan-service', 'src', 'main', 'resources', 'apidocs', 'examples')
PASSWORD = 'Demo@2023'


def call(user, method, path, body=None, form=None):
    req = urllib.request.Request(BASE + '/api/v1' + path, method=method)
    req.add_header('Authorization', 'Basic ' + base64.b64encode(f'{user}:{PASSWORD}'.encode()).decode())
    req.add_header('Accept', 'application/json')
    req.add_header('Accept-Language', 'zh-CN')
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode('utf-8')
        req.add_header('Content-Type', 'application/json')
    if form is not None:
        data = urllib.parse.urlencode(form).encode('ascii')
        req.add_header('Content-Type', 'application/x-www-form-urlencoded')
    if method == 'POST':
        req.add_header('Idempotency-Key', str(uuid.uuid4()))
    try:
        with urllib.request.urlopen(req, data) as r:
            text = r.read().decode('utf-8')
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        sys.exit(f'{method} {path}: {e.code} {e.read().decode("utf-8")}')


def trim(value):
    if isinstance(value, list):
        return [trim(v) for v in value[:2]]
    if isinstance(value, dict):
        return {k: trim(v) for k, v in value.items()}
    return value


def save(operation, value):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, operation + '.json'), 'w', encoding='utf-8') as f:
        json.dump(trim(value), f, ensure_ascii=False, indent=2)
        f.write('\n')
    print(operation)


def get(operation, user, path):
    value = call(user, 'GET', path)
    save(operation, value)
    return value


def post(operation, user, path, body):
    value = call(user, 'POST', path, body)
    save(operation, value)
    return value


ONLY_READS = '--reads' in sys.argv  # a second run, after `nightly`: the reads again, nothing posted twice

if '--more' in sys.argv:
    # the rest of the writes, after the nightly close (value dates in 2024: nothing is back-valued)
    post('createDistrict', 'admin', '/districts', {'code': '431123', 'name': '双牌县'})
    post('createUser', 'admin', '/users', {'username': 'shuangpai-accountant', 'displayName': '双牌县会计',
                                            'role': 'ACCOUNTANT', 'district': '双牌县'})
    post('disableUser', 'admin', '/users/shuangpai-accountant/disable', None)
    post('enableUser', 'admin', '/users/shuangpai-accountant/enable', None)
    post('resetUserPassword', 'admin', '/users/shuangpai-accountant/password-reset', None)
    post('createFacility', 'accountant', '/facilities', {
        'code': 'YZ-BJL-2023-02', 'name': '永州市第二批保交楼专项借款', 'lender': '国家开发银行湖南省分行',
        'borrower': '永州市城市发展集团有限责任公司', 'accountNo': '43050174360800002999', 'amount': '80000000.00',
        'annualRate': '0.028', 'startDate': '2024-01-02', 'maturityDate': '2028-12-31'})
    post('drawdown', 'accountant', '/facilities/YZ-BJL-2023-02/drawdowns', {
        'amount': '30000000.00', 'valueDate': '2024-01-10', 'voucherNo': 'JZ20240110-0001'})
    post('facilityRepayment', 'accountant', '/facilities/YZ-BJL-2022-01/repayments', {
        'principal': '5000000.00', 'valueDate': '2024-01-22', 'voucherNo': 'JZ20240122-0001'})
    payee = call('auditor', 'GET', '/projects/LL-21')['payees'][0]
    milestone = call('auditor', 'GET', '/projects/LL-21')['milestones'][0]
    refused = call('accountant', 'POST', '/disbursements', {
        'projectCode': 'LL-21', 'facilityCode': 'YZ-BJL-2022-01', 'payeeId': payee['id'],
        'milestoneId': milestone['id'], 'amount': '350000.00', 'purpose': '工程款'})
    post('rejectDisbursement', 'reviewer', f'/disbursements/{refused["id"]}/rejection',
         {'reason': '发票金额与施工合同进度款不符，请补正后重报'})
    wrong = call('accountant', 'POST', '/disbursements', {
        'projectCode': 'LL-21', 'facilityCode': 'YZ-BJL-2022-01', 'payeeId': payee['id'],
        'milestoneId': milestone['id'], 'amount': '120000.00', 'purpose': '工程款'})
    call('reviewer', 'POST', f'/disbursements/{wrong["id"]}/approval', {'note': '同意'})
    call('accountant', 'POST', f'/disbursements/{wrong["id"]}/payment', {'paidOn': '2024-01-15',
                                                                          'voucherNo': 'JZ20240115-0001'})
    post('reverseDisbursement', 'accountant', f'/disbursements/{wrong["id"]}/reversal',
         {'reason': '收款账号录入错误，银行退回', 'reversedOn': '2024-01-16'})
    exceptions = call('auditor', 'GET', '/exceptions?businessDate=2023-12-31')
    open_one = next(e for e in exceptions if e['status'] == 'OPEN')
    post('resolveException', 'reviewer', f'/exceptions/{open_one["id"]}/resolution',
         {'status': 'WAIVED', 'note': '经专班会议确认，属银行流水摘要录入差异，予以核销'})
    frozen = post('freeze', 'accountant', '/court-actions/freezes', {
        'facilityCode': 'YZ-BJL-2022-01', 'amount': '500000.00', 'court': '永州市零陵区人民法院',
        'caseNo': '（2024）湘1102执保12号', 'frozenOn': '2024-01-08'})
    post('releaseFreeze', 'accountant', f'/court-actions/freezes/{frozen["id"]}/release',
         {'releaseRef': '（2024）湘1102执保12号之一', 'releasedOn': '2024-01-20'})
    deduction = post('deduction', 'accountant', '/court-actions/deductions', {
        'facilityCode': 'YZ-BJL-2022-01', 'amount': '200000.00', 'court': '永州市零陵区人民法院',
        'deductedOn': '2024-01-12'})
    post('deductionParticulars', 'accountant', f'/court-actions/deductions/{deduction["deduction"]["id"]}/particulars',
         {'court': '永州市零陵区人民法院', 'caseNo': '（2023）湘1102执1234号'})
    post('recoverDeduction', 'accountant', f'/court-actions/deductions/{deduction["deduction"]["id"]}/recoveries',
         {'amount': '200000.00', 'recoveredOn': '2024-01-25', 'note': '法院退回误扣款项'})
    get('getDeduction', 'auditor', f'/court-actions/deductions/{deduction["deduction"]["id"]}')
    archived = call('auditor', 'GET', '/reports/archive')
    save('verifyReport', call('auditor', 'POST', '/reports/verification', form={'sha256': archived[0]['sha256']}))
    sys.exit(0)

# API tokens first, so that the lists below show one
if not ONLY_READS:
    post('createMyToken', 'accountant', '/me/tokens', {'name': '专户对账脚本', 'expiresOn': '2027-06-30'})
    post('createServiceAccountToken', 'admin', '/service-accounts/bank-feed/tokens',
         {'name': '建行永州分行专户流水推送', 'expiresOn': '2027-06-30'})

# what the demo already holds (run `nightly --business-date=2023-12-31` first for the closes, exceptions and prints)
get('listDistricts', 'auditor', '/districts')
get('listFacilities', 'auditor', '/facilities')
get('getFacility', 'auditor', '/facilities/YZ-BJL-2022-01')
get('searchProjects', 'auditor', '/projects?district=零陵区'.replace('零陵区', '%E9%9B%B6%E9%99%B5%E5%8C%BA'))
get('getProject', 'auditor', '/projects/LL-01')
get('projectLedger', 'auditor', '/projects/LL-01/ledger')
get('projectInterest', 'auditor', '/projects/LL-01/interest?asOf=2023-12-31')
get('previewProjectRepayment', 'accountant', '/projects/LL-01/repayments/preview?amount=5000000.00&valueDate=2024-03-20')
paid = get('searchDisbursements', 'auditor', '/disbursements?project=LL-01')
get('getDisbursement', 'auditor', f'/disbursements/{paid[0]["id"]}')
get('statementLines', 'auditor', '/bank-statements?account=43050174360800001888&limit=2')
get('heldLines', 'auditor', '/bank-statements/held')
get('statementLayouts', 'accountant', '/bank-statements/layouts')
get('statementMappings', 'accountant', '/bank-statements/mappings?account=43050174360800001888')
get('courtRegister', 'auditor', '/court-actions?facility=YZ-BJL-2022-01')
get('recentBatchRuns', 'auditor', '/batch-runs')
get('searchExceptions', 'auditor', '/exceptions?businessDate=2023-12-31')
get('reportArchive', 'auditor', '/reports/archive')
get('reportSummary', 'auditor', '/reports/summary?businessDate=2023-12-31')
get('searchAuditEvents', 'auditor', '/audit-events?limit=2')
get('auditChainCheck', 'auditor', '/audit-events/chain-check')
get('listUsers', 'admin', '/users')
get('serviceAccountTokens', 'admin', '/service-accounts/bank-feed/tokens')
get('myTokens', 'accountant', '/me/tokens')

if ONLY_READS:
    sys.exit(0)


# a new project through its whole set-up, then one payment
post('createProject', 'accountant', '/projects', {
    'code': 'LL-21', 'name': '潇湘府·二期', 'district': '零陵区', 'developer': '永州市潇湘源城市发展有限公司',
    'contractor': '湖南建工集团有限公司', 'totalUnits': 298, 'fundingGap': '29800000.00',
    'expectedDeliveryDate': '2024-12-31'})
payee = post('addPayee', 'accountant', '/projects/LL-21/payees', {
    'name': '湖南建工集团有限公司', 'bankName': '中国建设银行永州零陵支行', 'accountNo': '43050174360800002966',
    'kind': 'CONTRACTOR'})
post('allocate', 'accountant', '/projects/LL-21/allocations', {
    'facilityCode': 'YZ-BJL-2022-01', 'amount': '10000000.00', 'approvalRef': '永保交楼〔2023〕21号',
    'approvedOn': '2023-11-20'})
milestone = post('addMilestone', 'accountant', '/projects/LL-21/milestones', {
    'name': '复工', 'plannedDate': '2023-11-25', 'cumulativeCapPercent': '30'})
post('verifyMilestone', 'reviewer', f'/projects/LL-21/milestones/{milestone["id"]}/verification', {
    'verifiedOn': '2023-11-28', 'inspector': '永州市建设工程质量安全监督站 李建国', 'evidenceRef': '零住建复工〔2023〕21号'})
request = post('requestDisbursement', 'accountant', '/disbursements', {
    'projectCode': 'LL-21', 'facilityCode': 'YZ-BJL-2022-01', 'payeeId': payee['id'], 'milestoneId': milestone['id'],
    'amount': '2000000.00', 'purpose': '工程款'})
post('approveDisbursement', 'reviewer', f'/disbursements/{request["id"]}/approval', {'note': '节点已核验，同意拨付'})
post('payDisbursement', 'accountant', f'/disbursements/{request["id"]}/payment', {
    'paidOn': '2023-12-01', 'voucherNo': 'JZ20231201-0001'})
post('projectRepayment', 'accountant', '/projects/LL-21/repayments', {
    'amount': '500000.00', 'valueDate': '2023-12-20', 'voucherNo': 'JZ20231220-0001'})
