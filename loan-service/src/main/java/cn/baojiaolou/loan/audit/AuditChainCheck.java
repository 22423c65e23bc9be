package cn.baojiaolou.loan.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Re-computes the whole chain: any edited, inserted or deleted row breaks it at that row. */
@Service
@PreAuthorize(Authorities.AUDIT_READERS)
public class AuditChainCheck {

    private final AuditMapper mapper;

    public AuditChainCheck(AuditMapper mapper) {
        this.mapper = mapper;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ChainCheck")
    public record Result(boolean intact, long rowsChecked, Long firstBrokenId) {
    }

    @Transactional(readOnly = true)
    public Result verify() {
        // read the head first: every row up to head.lastId is committed with it, later rows are not checked
        AuditMapper.ChainHead head = mapper.head();
        String prev = AuditChain.GENESIS;
        long checked = 0;
        try (Cursor<AuditEvent> rows = mapper.streamUpTo(head.lastId())) {
            for (AuditEvent row : rows) {
                checked++;
                if (!row.prevHash().equals(prev) || !AuditChain.hash(prev, row).equals(row.hash())) {
                    return new Result(false, checked, row.id());
                }
                prev = row.hash();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!prev.equals(head.lastHash())) {
            // the chain is linked but ends short of the head: its newest row(s) were removed
            return new Result(false, checked, head.lastId());
        }
        return new Result(true, checked, null);
    }
}
