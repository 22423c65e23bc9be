package cn.baojiaolou.loan.common;

/** Receives the AUTO_INCREMENT id of an insert whose row is an immutable record (keyProperty="key.id"). */
public class GeneratedKey {

    private Long id;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
