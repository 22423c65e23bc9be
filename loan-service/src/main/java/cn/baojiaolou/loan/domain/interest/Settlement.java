package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One 结息: the period's 积数 turned into interest, rounded half-up to the fen once, due on {@code date}.
 *
 * @param balanceDays        normal 积数 of the period (元·days)
 * @param interest           balanceDays × rate / 360
 * @param penaltyBalanceDays 积数 of overdue principal and overdue interest in the period
 * @param penalty            penaltyBalanceDays × penalty rate / 360
 */
public record Settlement(LocalDate date, LocalDate periodStart, BigDecimal balanceDays, BigDecimal interest,
                         BigDecimal penaltyBalanceDays, BigDecimal penalty) {
}
