package cn.baojiaolou.loan.token;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.user.LoanUser;

@Mapper
public interface ApiTokenMapper {

    /** The token's holder, when the hash names a token that is neither revoked nor expired and its user is enabled. */
    Holder findActive(@Param("hash") String hash, @Param("today") LocalDate today);

    void insert(@Param("userId") long userId, @Param("name") String name, @Param("hash") String hash,
                @Param("hint") String hint, @Param("expiresOn") LocalDate expiresOn, @Param("now") LocalDateTime now,
                @Param("createdBy") String createdBy, @Param("key") GeneratedKey key);

    List<ApiToken> findByUser(@Param("username") String username);

    ApiToken find(@Param("id") long id);

    int countActive(@Param("username") String username, @Param("today") LocalDate today);

    /** 1 for the first use only: the guard makes it audited once however many requests race. */
    int markFirstUse(@Param("id") long id, @Param("now") LocalDateTime now);

    /** 1 when this call revoked it, 0 when it already was. */
    int revoke(@Param("id") long id, @Param("now") LocalDateTime now, @Param("by") String by);

    /** A user's id and whether they are a system client (系统账户). */
    Account account(@Param("username") String username);

    record Account(long id, String username, String displayName, boolean serviceAccount) {
    }

    /** A token's id and first use with its user, for authentication. */
    record Holder(long tokenId, LocalDateTime firstUsedAt, LoanUser user) {
    }
}
