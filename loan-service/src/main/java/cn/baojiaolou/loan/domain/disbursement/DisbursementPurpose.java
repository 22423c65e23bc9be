package cn.baojiaolou.loan.domain.disbursement;

import java.util.Arrays;
import java.util.List;

/**
 * What a disbursement may pay for. 新老划断: the special loan never repays a project's old debts, its taxes or its
 * other loans; those purposes are named here so they are refused with a clear reason, not as "unknown".
 */
public enum DisbursementPurpose {
    工程款(true), 材料款(true), 农民工工资(true), 设备款(true), 其他续建费用(true),
    偿还旧债(false), 税费(false), 其他贷款(false);

    private final boolean allowed;

    DisbursementPurpose(boolean allowed) {
        this.allowed = allowed;
    }

    public boolean allowed() {
        return allowed;
    }

    public static DisbursementPurpose parse(String text) {
        return Arrays.stream(values()).filter(p -> p.name().equals(text == null ? null : text.trim()))
                .findFirst().orElse(null);
    }

    public static List<String> allowedNames() {
        return Arrays.stream(values()).filter(DisbursementPurpose::allowed).map(Enum::name).toList();
    }
}
