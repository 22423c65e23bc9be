package cn.baojiaolou.loan.token;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import cn.baojiaolou.loan.user.LoanUser;

/** A request signed in by an API token: the token's user, and which token (for the audit trail). */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final LoanUser user;
    private final long tokenId;

    ApiTokenAuthentication(LoanUser user, long tokenId) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null; // the secret is not kept after the lookup
    }

    @Override
    public Object getPrincipal() {
        return user;
    }
}
