package cn.baojiaolou.loan.domain.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stalled pre-sold housing project (问题楼盘) and its 一楼一策 facts. */
public record Project(long id, String code, String name, long districtId, String districtName, String developer,
                      String developerAccountNo, String contractor, int totalUnits, int deliveredUnits,
                      BigDecimal fundingGap, LocalDate expectedDeliveryDate, ProjectStatus status, String planText,
                      String responsibleOfficial, String taskForce) {
}
