package io.fulfil.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carrier mapping, read once when the application starts, so a broken file stops every command
 * at once with its file, line and key instead of failing the first import that needs it.
 */
@Configuration(proxyBeanMethods = false)
class CarrierMappingConfiguration {

    static final String DEFAULT_FILE = "jobs/carriers.properties";

    @Bean
    CarrierMapping carrierMapping(@Value("${fulfil.carriers.file:}") String file) {
        return CarrierMappingFile.read(file.isBlank() ? installationFile() : Path.of(file).toAbsolutePath().normalize());
    }

    /**
     * The installation's {@code jobs/carriers.properties}: under {@code FULFIL_HOME} (set by
     * {@code scripts/fulfil}), else beside the folder of the running jar ({@code <home>/target/}), else
     * under the working directory. Named with every place looked when none has it.
     */
    static Path installationFile() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getenv("FULFIL_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(DEFAULT_FILE));
        }
        // java -jar <home>/target/fulfil.jar: the class path is that one jar
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jarFolder = Path.of(classPath).toAbsolutePath().getParent();
            if (jarFolder != null && jarFolder.getParent() != null) {
                candidates.add(jarFolder.getParent().resolve(DEFAULT_FILE));
            }
        }
        candidates.add(Path.of(DEFAULT_FILE));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new CarrierMappingFile.BrokenMappingException("no carrier mapping file: looked for "
                + candidates.stream().map(p -> p.toAbsolutePath().normalize().toString()).distinct()
                        .collect(Collectors.joining(", "))
                + "; set fulfil.carriers.file (FULFIL_CARRIERS_FILE)");
    }
}
