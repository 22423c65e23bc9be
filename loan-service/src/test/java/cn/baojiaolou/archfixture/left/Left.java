package cn.baojiaolou.archfixture.left;

import cn.baojiaolou.archfixture.right.Right;

/** Half of a deliberate package cycle: proves {@code ArchitectureTest}'s cycle rule would catch one. */
public class Left {
    public Right right() {
        return new Right();
    }
}
