package cn.baojiaolou.loan.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service in a JVM of its own (the test's class path, another port), for what only a real process shows: killed
 * with -9, restarted, its readiness while it loads. It uses the database the tests use, or the one given.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service on {@code port} (0 = any free one) against the JDBC url given, with extra arguments
     * (--spring.profiles.active=demo). Returns at once; {@link #awaitReady} waits.
     */
    public static ServiceProcess start(String name, int port, String jdbcUrl, String user, String password,
                                       String... args) throws IOException {
        int chosen = port > 0 ? port : freePort();
        Path log = Path.of("target", "service-process-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "cn.baojiaolou.loan.LoanServiceApplication",
                "--server.port=" + chosen, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--loan.reports.archive-dir=" + Path.of("target", "report-archive-" + name).toAbsolutePath()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the url given decides, never the one this JVM was started with
        builder.environment().remove("LOAN_DB_URL");
        builder.directory(new File(System.getProperty("user.dir")));
        return new ServiceProcess(builder.start(), chosen, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Waits until readiness answers UP (HTTP 200). */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            if (status("/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
    }

    /** The HTTP status of a GET, or -1 while nothing answers. */
    public int status(String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public String body(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
