package cn.baojiaolou.batch.nightlyclose.matching;

/** How many bank lines one matching run paired with ledger rows, by voucher number and fuzzily. */
public record MatchResult(int voucher, int fuzzy) {

    public int total() {
        return voucher + fuzzy;
    }
}
