package cn.baojiaolou.loan.user;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;

@Mapper
public interface UserMapper {

    @Select("SELECT username, password_hash, display_name, role, district_id, enabled FROM app_user WHERE username = #{username}")
    LoanUser findByUsername(String username);

    /** A user who may sign in with a password: system clients (系统账户) sign in by API token only. */
    @Select("SELECT username, password_hash, display_name, role, district_id, enabled FROM app_user "
            + "WHERE username = #{username} AND service_account = 0")
    LoanUser findForPasswordLogin(String username);

    /** A system client (系统账户): no password it could sign in with, only API tokens an admin makes for it. */
    @Insert("INSERT INTO app_user (username, password_hash, display_name, role, district_id, enabled, created_at, "
            + "service_account) VALUES (#{username}, '-', #{displayName}, #{role}, #{districtId}, 1, #{now}, 1)")
    void insertServiceAccount(@Param("username") String username, @Param("displayName") String displayName,
                              @Param("role") Role role, @Param("districtId") Long districtId,
                              @Param("now") LocalDateTime now);

    /** Users whose 姓名 (display name) is {@code displayName}: a workbook names people by it. */
    @Select("SELECT username, password_hash, display_name, role, district_id, enabled FROM app_user WHERE display_name = #{displayName} ORDER BY id")
    java.util.List<LoanUser> findByDisplayName(String displayName);

    /** Every login with its 姓名: pages name people, not logins (a bureau has tens of users, not thousands). */
    @Select("SELECT username, display_name FROM app_user ORDER BY username")
    java.util.List<Named> displayNames();

    record Named(String username, String displayName) {
    }

    /** login → 姓名 (a login without one maps to itself), for pages and exports that name people. */
    default java.util.Map<String, String> namesByLogin() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        displayNames().forEach(n -> names.put(n.username(), n.displayName() == null || n.displayName().isBlank()
                ? n.username() : n.displayName()));
        return names;
    }

    @Insert("INSERT INTO app_user (username, password_hash, display_name, role, district_id, enabled, created_at) "
            + "VALUES (#{username}, #{passwordHash}, #{displayName}, #{role}, #{districtId}, 1, #{now})")
    void insert(@Param("username") String username, @Param("passwordHash") String passwordHash,
                @Param("displayName") String displayName, @Param("role") Role role,
                @Param("districtId") Long districtId, @Param("now") LocalDateTime now);
}
