package cn.baojiaolou.loan.token;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An API token as listed: never its secret, which is shown once when it is made. Times in Beijing time. */
public record ApiToken(long id, String username, String name, String hint, LocalDate expiresOn,
                       OffsetDateTime createdAt, String createdBy, OffsetDateTime firstUsedAt,
                       OffsetDateTime revokedAt, String revokedBy) {

    public boolean active(LocalDate today) {
        return revokedAt == null && !expiresOn.isBefore(today);
    }
}
