package cn.baojiaolou.loan.resilience;

import java.net.URI;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Where the tests' database is, so that a service in another JVM (or behind a proxy) can use the same one. */
record TestDatabase(String url, String user, String password, String host, int port) {

    static TestDatabase of(DataSource dataSource) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        URI uri = URI.create(hikari.getJdbcUrl().substring("jdbc:".length()));
        return new TestDatabase(hikari.getJdbcUrl(), hikari.getUsername(),
                hikari.getPassword() == null ? "" : hikari.getPassword(), uri.getHost(), uri.getPort());
    }

    /** The same server and schema through another port on this host (a proxy). */
    String throughPort(int otherPort) {
        return url.replaceFirst("//" + host + ":" + port + "/", "//127.0.0.1:" + otherPort + "/");
    }

    /** Another schema on the same server. */
    String withSchema(String schema) {
        return url.replaceFirst("(//[^/]+/)[^?]+", "$1" + schema);
    }
}
