package cn.baojiaolou.loan.useradmin;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** app_user as the admin pages manage it, and the password history. SQL in UserAccountMapper.xml. */
@Mapper
public interface UserAccountMapper {

    /** A user as the admin list shows it (no password hash). */
    record UserAccount(long id, String username, String displayName, String role, Long districtId,
                       String districtName, boolean enabled, boolean mustChangePassword, boolean serviceAccount,
                       LocalDateTime createdAt, LocalDateTime passwordChangedAt) {
    }

    /** What a password check needs, read under the user's row lock. */
    record Credentials(long id, String username, String passwordHash, boolean mustChangePassword) {
    }

    List<UserAccount> list();

    UserAccount find(@Param("username") String username);

    Credentials lockCredentials(@Param("username") String username);

    /** The hashes of the last {@code limit} passwords replaced, newest first. */
    List<String> recentHashes(@Param("userId") long userId, @Param("limit") int limit);

    int insert(@Param("username") String username, @Param("passwordHash") String passwordHash,
               @Param("displayName") String displayName, @Param("role") String role,
               @Param("districtId") Long districtId, @Param("now") LocalDateTime now);

    int setEnabled(@Param("username") String username, @Param("enabled") boolean enabled);

    /** A new password: the old hash goes to the history; {@code mustChange} for a one-time one. */
    int setPassword(@Param("id") long id, @Param("passwordHash") String passwordHash,
                    @Param("mustChange") boolean mustChange, @Param("now") LocalDateTime now);

    int remember(@Param("userId") long userId, @Param("passwordHash") String passwordHash,
                 @Param("now") LocalDateTime now);

    /** Whether a signed-in user still has to replace a one-time password (null: no such user). */
    Boolean mustChangePassword(@Param("username") String username);
}
