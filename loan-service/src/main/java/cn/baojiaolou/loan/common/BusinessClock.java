package cn.baojiaolou.loan.common;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Business dates are Asia/Shanghai; stored instants are UTC with microseconds (DATETIME(6)). */
@Service
public class BusinessClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public BusinessClock() {
        this(Clock.systemUTC());
    }

    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    /** A stored UTC instant as Beijing wall time, for what people read (pages, reports, messages). */
    public static LocalDateTime beijing(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(SHANGHAI).toLocalDateTime();
    }

    /** The first instant after a Beijing date, in UTC: the end of that business day as stored. */
    public static LocalDateTime endOfDayUtc(LocalDate date) {
        return date.plusDays(1).atStartOfDay(SHANGHAI).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    public LocalDateTime nowUtc() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
