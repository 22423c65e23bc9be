package cn.baojiaolou.loan.ledger;

import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.user.Authorities;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts money rows to the append-only ledger, the one way every service writes one: a bank voucher number posts once
 * per facility ledger and kind of row, so a request retried under a new Idempotency-Key (or typed twice) is refused
 * naming the row it was posted on. The database's unique key (V8) catches what a race lets through.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class LedgerPostings {

    private final LedgerMapper ledger;

    public LedgerPostings(LedgerMapper ledger) {
        this.ledger = ledger;
    }

    /** Inserts the row in the caller's transaction and answers it as stored (with its id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry post(LedgerEntry entry) {
        if (entry.voucherNo() != null) {
            refuseIfPosted(entry);
        }
        GeneratedKey key = new GeneratedKey();
        try {
            ledger.insert(entry, key);
        } catch (DuplicateKeyException raced) {
            refuseIfPosted(entry);
            throw raced;
        }
        return ledger.findById(key.getId());
    }

    private void refuseIfPosted(LedgerEntry entry) {
        LedgerEntry first = ledger.findByVoucher(entry.facilityId(), entry.entryType(), entry.voucherNo());
        if (first != null) {
            throw Refusal.conflict("ledger.voucherPosted", entry.voucherNo(), first.valueDate(), first.id());
        }
    }
}
