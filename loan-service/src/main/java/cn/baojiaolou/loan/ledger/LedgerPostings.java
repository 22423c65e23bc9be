package cn.baojiaolou.loan.ledger;

import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.ledger.EntryType;
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
        refuseIfPosted(entry.facilityId(), entry.entryType(), entry.voucherNo());
        GeneratedKey key = new GeneratedKey();
        try {
            ledger.insert(entry, key);
        } catch (DuplicateKeyException raced) {
            refuseIfPosted(entry.facilityId(), entry.entryType(), entry.voucherNo());
            throw raced;
        }
        return ledger.findById(key.getId());
    }

    /**
     * Refuses a voucher number already posted on the facility's ledger as this kind of row (nothing without one): the
     * posting's own check, which a confirmation step runs first so that it refuses what the posting would.
     */
    public void refuseIfPosted(long facilityId, EntryType type, String voucherNo) {
        if (voucherNo == null) {
            return;
        }
        LedgerEntry first = ledger.findByVoucher(facilityId, type, voucherNo);
        if (first != null) {
            throw Refusal.conflict("ledger.voucherPosted", voucherNo, first.valueDate(), first.id());
        }
    }
}
