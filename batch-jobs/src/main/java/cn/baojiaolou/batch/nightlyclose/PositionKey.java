package cn.baojiaolou.batch.nightlyclose;

/** A loan position: a project's borrowing from one facility, or the facility itself (projectId 0). */
record PositionKey(long facilityId, long projectId) {

    static final long FACILITY_ITSELF = 0;
}
