package io.fulfil.tracking;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carrier mapping, read once when the application starts, so a broken file stops every command
 * at once with its file, line and key instead of failing the first import that needs it.
 */
@Configuration(proxyBeanMethods = false)
class CarrierMappingConfiguration {

    @Bean
    CarrierMapping carrierMapping(@Value("${fulfil.carriers.file}") String file) {
        return CarrierMappingFile.read(Path.of(file).toAbsolutePath().normalize());
    }
}
