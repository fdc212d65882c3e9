package io.github.kafkaconnecttrtc.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.streams.CallStatsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @TempDir
    Path dir;

    @Test
    void argumentsAfterAFileOverrideItAndOutputTopicsAreNamedAfterTheInput() throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, """
                bootstrap.servers=kafka:9092
                apicurio.registry.url=http://registry:8080/apis/registry/v2
                input.topic=trtc.call-records
                dedup.window=PT2H
                """);

        AppConfig config = AppConfig.fromArgs(file.toString(), "dedup.window=PT30M", "processing.guarantee=exactly_once_v2",
                "apicurio.registry.request.headers.Authorization=Bearer x");

        assertThat(config.topology()).isEqualTo(new CallStatsSettings("trtc.call-records",
                "trtc.call-records.results-per-minute", "trtc.call-records.answer-rate", Duration.ofMinutes(30)));
        assertThat(config.registryUrl()).isEqualTo("http://registry:8080/apis/registry/v2");
        assertThat(config.serdeSettings()).containsOnlyKeys("apicurio.registry.request.headers.Authorization");
        assertThat(config.streams()).containsOnlyKeys("bootstrap.servers", "application.id", "processing.guarantee");
        assertThat(config.streams().getProperty("application.id")).isEqualTo(AppConfig.DEFAULT_APPLICATION_ID);
    }

    @Test
    void theWindowDefaultsToTheApisSevenDaysAndADay() throws Exception {
        AppConfig config = AppConfig.fromArgs("bootstrap.servers=kafka:9092", "input.topic=calls",
                "apicurio.registry.url=http://registry:8080/apis/registry/v2", "counts.topic=per-minute");

        assertThat(config.topology().window()).isEqualTo(Duration.ofDays(8));
        assertThat(config.topology().countsTopic()).isEqualTo("per-minute");
    }

    @Test
    void missingKeysAreNamedAndAWindowThatIsNoDurationIsRefused() {
        assertThatThrownBy(() -> AppConfig.fromArgs("bootstrap.servers=kafka:9092"))
                .hasMessageStartingWith("missing apicurio.registry.url, input.topic");
        assertThatThrownBy(() -> AppConfig.fromArgs("bootstrap.servers=kafka:9092", "input.topic=calls",
                "apicurio.registry.url=http://registry:8080/apis/registry/v2", "dedup.window=8 days"))
                .hasMessageContaining("ISO-8601 duration");
    }
}
