package cn.baojiaolou.loan.token;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;

/**
 * Who a bearer token is: one indexed read (the SHA-256 of the secret), nothing slow. The first use of a token is
 * audited once (a guarded update decides which request was first); later uses are not, they are the client's
 * ordinary traffic and its writes are audited as such.
 */
@Component
public class ApiTokenAuthenticator {

    private final ApiTokenMapper tokens;
    private final BusinessClock clock;
    private final AuditTrail audit;

    public ApiTokenAuthenticator(ApiTokenMapper tokens, BusinessClock clock, AuditTrail audit) {
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    /** The signed-in token, or empty for a secret that is malformed, unknown, expired or revoked. */
    public Optional<ApiTokenAuthentication> authenticate(String secret, String address) {
        if (!ApiTokenSecret.wellFormed(secret)) {
            return Optional.empty();
        }
        ApiTokenMapper.Holder holder = tokens.findActive(ApiTokenSecret.hash(secret), clock.today());
        if (holder == null) {
            return Optional.empty();
        }
        if (holder.firstUsedAt() == null && tokens.markFirstUse(holder.tokenId(), clock.nowUtc()) == 1) {
            audit.record(holder.user().username(), "TOKEN_FIRST_USED", "api_token", holder.tokenId(),
                    AuditTrail.SUCCESS, "令牌首次使用，来自 " + address);
        }
        return Optional.of(new ApiTokenAuthentication(holder.user(), holder.tokenId()));
    }
}
