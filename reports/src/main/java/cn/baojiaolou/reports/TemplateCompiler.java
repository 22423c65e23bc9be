package cn.baojiaolou.reports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step (exec-maven-plugin, process-classes): compiles every {@code *.jrxml} of a folder to {@code .jasper}.
 * Run in a forked JVM so javac sees the class path; a template that does not compile fails the build.
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TemplateCompiler <jrxml folder> <output folder>");
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        int compiled = 0;
        try (DirectoryStream<Path> templates = Files.newDirectoryStream(source, "*.jrxml")) {
            for (Path template : templates) {
                String name = template.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
                Path out = target.resolve(name);
                // Up to date: keep incremental builds fast.
                if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(template)) > 0) {
                    continue;
                }
                JasperCompileManager.compileReportToFile(template.toString(), out.toString());
                compiled++;
            }
        }
        System.out.println("report templates compiled: " + compiled);
    }
}
