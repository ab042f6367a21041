package org.queuejob.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What the report's header says about the machine beyond what Java tells directly. */
final class Machine {

    private Machine() {}

    /** The first line of {@code java -version} of the JDK running the benchmark (and the server, and the peers). */
    static String javaVersion() {
        try {
            Process java = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-version")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            java.waitFor();
            return String.join("; ", output.strip().lines().toList());
        } catch (IOException e) {
            return "java " + System.getProperty("java.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "java " + System.getProperty("java.version");
        }
    }
}
