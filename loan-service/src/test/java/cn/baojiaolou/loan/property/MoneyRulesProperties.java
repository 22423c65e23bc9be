package cn.baojiaolou.loan.property;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;

/**
 * The money rules as a stateful property: random sequences of drawdowns, verifications, requests, approvals,
 * rejections, payments, reversals, project repayments and 统还 run against the real database (through the services
 * the API calls) and against {@link MoneySystem}'s model. After every step the figures the API shows (paid, reserved,
 * requestable, unlocked, repaid, 专户 balance, each request's status) equal the model's, and no cap is exceeded.
 * Amounts are drawn to hit the limits exactly and one fen over. A failure is shrunk to the shortest sequence that
 * still fails.
 */
class MoneyRulesProperties {

    @Property(tries = 25)
    void theLedgerAgreesWithTheModelAfterEveryStep(@ForAll("sequences") ActionChain<MoneySystem> chain) {
        chain.withInvariant("the API's figures equal the model's", MoneySystem::checkAgainstModel).run();
    }

    @Provide
    Arbitrary<ActionChain<MoneySystem>> sequences() {
        return ActionChain.startWith(MoneySystem::fresh)
                .withAction(2, new Verify())
                .withAction(5, new Request())
                .withAction(3, new Approve())
                .withAction(1, new Reject())
                .withAction(3, new Pay())
                .withAction(1, new Reverse())
                .withAction(2, new Repay())
                .withAction(1, new CentralRepayment())
                .withAction(1, new Drawdown())
                .withMaxTransformations(30);
    }

    /** 0 or 1 days later: dates never go back, and stay before the first 结息日. */
    private static Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 1);
    }

    /** An amount of at most {@code limit}, exactly it, or one fen over it. */
    private static Arbitrary<BigDecimal> around(BigDecimal limit) {
        BigDecimal cent = new BigDecimal("0.01");
        Arbitrary<BigDecimal> below = Arbitraries.bigDecimals().between(cent, limit.max(cent)).ofScale(2);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(limit.max(cent))),
                Tuple.of(2, Arbitraries.just(limit.add(cent))),
                Tuple.of(5, below));
    }

    private static Arbitrary<Long> one(List<Long> ids) {
        return Arbitraries.of(ids);
    }

    static final class Verify implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return s.verified < MoneySystem.CAPS.length;
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return days().map(d -> Transformer.mutate("verify milestone " + (s.verified + 1) + " (+" + d + "d)",
                    m -> {
                        m.advance(d);
                        m.verifyNext();
                    }));
        }
    }

    static final class Request implements Action.Dependent<MoneySystem> {
        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return around(s.requestable()).map(a -> Transformer.mutate("request " + a, m -> m.request(a)));
        }
    }

    static final class Approve implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return !s.withStatus(DisbursementStatus.REQUESTED).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return one(s.withStatus(DisbursementStatus.REQUESTED))
                    .map(id -> Transformer.mutate("approve " + id, m -> m.approve(id)));
        }
    }

    static final class Reject implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return !s.withStatus(DisbursementStatus.REQUESTED).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return one(s.withStatus(DisbursementStatus.REQUESTED))
                    .map(id -> Transformer.mutate("reject " + id, m -> m.reject(id)));
        }
    }

    static final class Pay implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return !s.withStatus(DisbursementStatus.APPROVED).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return one(s.withStatus(DisbursementStatus.APPROVED)).flatMap(id -> days()
                    .map(d -> Transformer.mutate("pay " + id + " (+" + d + "d)", m -> {
                        m.advance(d);
                        m.pay(id);
                    })));
        }
    }

    static final class Reverse implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return !s.withStatus(DisbursementStatus.PAID).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return one(s.withStatus(DisbursementStatus.PAID))
                    .map(id -> Transformer.mutate("reverse " + id, m -> m.reverse(id)));
        }
    }

    static final class Repay implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return s.outstanding().signum() > 0;
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return around(s.outstanding()).flatMap(a -> days().map(d -> Transformer.mutate(
                    "repay " + a + " (+" + d + "d)", m -> {
                        m.advance(d);
                        m.repay(a);
                    })));
        }
    }

    static final class CentralRepayment implements Action.Dependent<MoneySystem> {
        @Override
        public boolean precondition(MoneySystem s) {
            return s.balance().signum() > 0;
        }

        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return around(s.balance().min(new BigDecimal("20000.00")))
                    .map(a -> Transformer.mutate("统还 principal " + a, m -> m.centralRepayment(a)));
        }
    }

    static final class Drawdown implements Action.Dependent<MoneySystem> {
        @Override
        public Arbitrary<Transformer<MoneySystem>> transformer(MoneySystem s) {
            return Arbitraries.bigDecimals().between(new BigDecimal("1000.00"), new BigDecimal("50000.00")).ofScale(2)
                    .map(a -> Transformer.mutate("drawdown " + a, m -> m.drawdown(a)));
        }
    }
}
