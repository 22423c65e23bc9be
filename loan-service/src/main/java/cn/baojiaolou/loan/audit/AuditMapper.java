package cn.baojiaolou.loan.audit;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.cursor.Cursor;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface AuditMapper {

    /** Locks the one chain-head row: audit inserts are serialised so the chain stays linear. */
    ChainHead lockHead();

    /** {@code at}: occurredAt as text with microseconds, which every server stores exactly. */
    void insert(@Param("e") AuditEvent event, @Param("at") String occurredAtText);

    @Select("SELECT LAST_INSERT_ID()")
    long lastInsertId();

    void moveHead(@Param("lastId") long lastId, @Param("lastHash") String lastHash);

    List<AuditEvent> search(@Param("username") String username, @Param("action") String action,
                            @Param("targetType") String targetType, @Param("targetId") String targetId,
                            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                            @Param("afterId") Long afterId, @Param("oldestFirst") boolean oldestFirst,
                            @Param("limit") int limit, @Param("districtId") Long districtId);

    /** The chain head without locking it: where the trail must end. */
    @Select("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
    ChainHead head();

    /** The trail up to and including lastId, in chain order. */
    Cursor<AuditEvent> streamUpTo(@Param("lastId") long lastId);

    record ChainHead(long lastId, String lastHash) {
    }
}
