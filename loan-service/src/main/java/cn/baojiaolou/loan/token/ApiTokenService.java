package cn.baojiaolou.loan.token;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;

/**
 * API tokens: a user makes them for themself, an admin for a system client (系统账户). Valid from the day made through
 * {@code expiresOn} (at most a year), until revoked. Made, first used and revoked: each is audited.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ApiTokenService {

    /** A year at most: a token that never expires is a password nobody rotates. */
    static final int MAX_DAYS = 366;
    /** Active tokens per user: enough for every integration, few enough to review. */
    static final int MAX_ACTIVE = 10;

    private final ApiTokenMapper tokens;
    private final BusinessClock clock;
    private final AuditTrail audit;

    public ApiTokenService(ApiTokenMapper tokens, BusinessClock clock, AuditTrail audit) {
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new token and its secret, which is shown this once. */
    public record Issued(long id, String token, String name, String username, LocalDate expiresOn) {
    }

    @Transactional
    public Issued createForMe(String name, LocalDate expiresOn) {
        refuseTokenMintingTokens();
        return create(account(CurrentUser.require().username()), name, expiresOn);
    }

    @Transactional
    @PreAuthorize(Authorities.ADMIN)
    public Issued createForServiceAccount(String username, String name, LocalDate expiresOn) {
        refuseTokenMintingTokens();
        ApiTokenMapper.Account account = serviceAccount(username);
        return create(account, name, expiresOn);
    }

    public List<ApiToken> mine() {
        return tokens.findByUser(CurrentUser.require().username());
    }

    @PreAuthorize(Authorities.ADMIN)
    public List<ApiToken> ofServiceAccount(String username) {
        return tokens.findByUser(serviceAccount(username).username());
    }

    /** Revokes one of the caller's own tokens; anyone else's is answered as unknown. */
    @Transactional
    public ApiToken revokeMine(long id) {
        ApiToken token = tokens.find(id);
        if (token == null || !token.username().equals(CurrentUser.require().username())) {
            throw Refusal.notFound("token.unknown", id);
        }
        return revoke(token);
    }

    /** An admin revokes a system client's token. */
    @Transactional
    @PreAuthorize(Authorities.ADMIN)
    public ApiToken revokeOfServiceAccount(String username, long id) {
        ApiTokenMapper.Account account = serviceAccount(username);
        ApiToken token = tokens.find(id);
        if (token == null || !token.username().equals(account.username())) {
            throw Refusal.notFound("token.unknown", id);
        }
        return revoke(token);
    }

    private ApiToken revoke(ApiToken token) {
        if (tokens.revoke(token.id(), clock.nowUtc(), CurrentUser.username()) == 1) {
            ApiToken revoked = tokens.find(token.id());
            audit.write("TOKEN_REVOKED", "api_token", token.id(), describe(token), describe(revoked));
            return revoked;
        }
        return token; // revoked before: nothing changes, and nothing new is audited
    }

    private Issued create(ApiTokenMapper.Account account, String name, LocalDate expiresOn) {
        LocalDate today = clock.today();
        if (expiresOn.isBefore(today)) {
            throw Refusal.invalid("expiresOn", "token.expiresOnPast", expiresOn, today);
        }
        if (expiresOn.isAfter(today.plusDays(MAX_DAYS - 1))) {
            throw Refusal.invalid("expiresOn", "token.expiresOnTooFar", today.plusDays(MAX_DAYS - 1));
        }
        if (tokens.countActive(account.username(), today) >= MAX_ACTIVE) {
            throw Refusal.conflict("token.tooMany", account.displayName(), MAX_ACTIVE);
        }
        String secret = ApiTokenSecret.generate();
        GeneratedKey key = new GeneratedKey();
        tokens.insert(account.id(), name, ApiTokenSecret.hash(secret), ApiTokenSecret.hint(secret), expiresOn,
                clock.nowUtc(), CurrentUser.username(), key);
        audit.write("TOKEN_CREATED", "api_token", key.getId(), null, describe(tokens.find(key.getId())));
        return new Issued(key.getId(), secret, name, account.username(), expiresOn);
    }

    /** A token cannot make tokens: a leaked one would otherwise outlive its own revocation. */
    private static void refuseTokenMintingTokens() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw Refusal.forbidden("token.byToken");
        }
    }

    private ApiTokenMapper.Account account(String username) {
        ApiTokenMapper.Account account = tokens.account(username);
        if (account == null) {
            throw Refusal.notFound("token.userUnknown", username);
        }
        return account;
    }

    private ApiTokenMapper.Account serviceAccount(String username) {
        ApiTokenMapper.Account account = account(username);
        if (!account.serviceAccount()) {
            throw Refusal.rule("token.notServiceAccount", account.displayName());
        }
        return account;
    }

    /** What the audit row keeps of a token: never its secret or hash. */
    private static Map<String, Object> describe(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("user", t.username());
        m.put("name", t.name());
        m.put("hint", t.hint());
        m.put("expiresOn", t.expiresOn().toString());
        m.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        return m;
    }
}
