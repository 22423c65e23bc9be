package cn.baojiaolou.archfixture.right;

import cn.baojiaolou.archfixture.left.Left;

/** The other half of the deliberate cycle, with a Spring type for the plain-Java rule to find. */
public class Right {
    public Left left() {
        return new Left();
    }

    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.OK;
    }
}
