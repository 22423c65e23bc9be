package cn.baojiaolou.loan.user;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * A signed-in user and their scope: {@code districtId == null} means the whole city, otherwise one district.
 */
public record LoanUser(String username, String passwordHash, String displayName, Role role, Long districtId,
                       boolean enabled) implements UserDetails {

    public boolean isCityScope() {
        return districtId == null;
    }

    public boolean canSee(long projectDistrictId) {
        return districtId == null || districtId == projectDistrictId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "LoanUser[" + username + ", " + role + ", district=" + districtId + "]";
    }
}
