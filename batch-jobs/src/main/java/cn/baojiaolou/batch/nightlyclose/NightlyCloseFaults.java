package cn.baojiaolou.batch.nightlyclose;

/**
 * A seam to interrupt the nightly close at a chosen point, so the restart tests can prove that a run killed
 * mid-step finishes with the same state as an uninterrupted one. Production uses {@link #NONE}.
 */
public interface NightlyCloseFaults {

    NightlyCloseFaults NONE = point -> {
    };

    /** Called at named points ("accrue:written", "settle:written", "intake:done", "match:done",
     * "rules:recorded"). */
    void at(String point);
}
