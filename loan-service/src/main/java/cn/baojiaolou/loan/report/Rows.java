package cn.baojiaolou.loan.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Row helpers shared by the report assemblers. */
final class Rows {

    private Rows() {
    }

    /** A totals row: its label in the first cell, the amount in column {@code at}, the rest empty. */
    static List<Object> totals(int columns, int at, Object amount, String label) {
        List<Object> row = new ArrayList<>(Collections.nCopies(columns, null));
        row.set(0, label);
        row.set(at, amount);
        return row;
    }
}
