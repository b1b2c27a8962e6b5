package io.fulfil.config;

import io.fulfil.support.files.FileRoots;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the outbox and inbox settings ({@code fulfil.outbox-dir}, {@code fulfil.inbox-dir}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileRoots.class)
class FileRootsConfiguration {
}
