package io.mqrunbooks.application.versions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the bulletin table at start-up; a bad record stops start-up with the record and field named. */
@Configuration
public class BulletinTableConfiguration {

    @Bean
    public SecurityBulletins securityBulletins(
            @Value("${mqrunbooks.security.bulletins:classpath:security/ibm-mq-bulletins.yaml}") Resource table) {
        try (InputStream in = table.getInputStream()) {
            return BulletinTableReader.read(table.getDescription(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BulletinTableException("Cannot read the bulletin table " + table.getDescription() + ": "
                    + e.getMessage(), e);
        }
    }
}
