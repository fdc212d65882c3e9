package io.github.kafkaconnecttrtc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void noOptionsRunEverythingLocallyAgainstTheSimulator() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.simulated()).isTrue();
        assertThat(options.embeddedConnect()).isTrue();
        assertThat(options.embeddedRegistry()).isTrue();
        assertThat(options.connectorConfig()).isEqualTo(Path.of("connector-config/trtc-local-simulator.json"));
        assertThat(options.connectorName()).isEqualTo("trtc-call-records");
        assertThat(options.callsPerSecond()).isEqualTo(0.5);
        assertThat(options.historyDays()).isEqualTo(7);
        assertThat(options.redraw()).isNull();
        assertThat(options.api()).as("the configuration's version, v1 for the shipped one").isNull();
        assertThat(options.help()).isFalse();
    }

    @Test
    void theLakeIsAFolderAndNeedsTheDemosOwnWorker() {
        assertThat(DemoOptions.parse().lake()).isNull();
        assertThat(DemoOptions.parse("--lake", "target/lake").lake()).isEqualTo(Path.of("target/lake"));
        assertThatThrownBy(() -> DemoOptions.parse("--lake", "target/lake", "--bootstrap-servers", "127.0.0.1:9092",
                "--connect-url", "http://127.0.0.1:8083"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--lake")
                .hasMessageContaining("lake-plugin/target/plugin");
        assertThatThrownBy(() -> DemoOptions.parse("--lake")).hasMessageContaining("--lake needs a value");
    }

    @Test
    void anEmptyDemoArgsPropertyIsNoOption() {
        assertThat(DemoOptions.parse("", " ")).isEqualTo(DemoOptions.parse());
    }

    @Test
    void aRealApplicationReplacesTheSimulator() {
        DemoOptions options = DemoOptions.parse("--trtc-endpoint", "https://callkit-intl.trtc.tencent-cloud.com/",
                "--sdkappid", "1400123456", "--secret-key-file=/etc/trtc/trtc.properties");

        assertThat(options.simulated()).isFalse();
        assertThat(options.trtcEndpoint()).isEqualTo(URI.create("https://callkit-intl.trtc.tencent-cloud.com/"));
        assertThat(options.sdkAppId()).isEqualTo(1_400_123_456L);
        assertThat(options.identifier()).isEqualTo("administrator");
        assertThat(options.secretKeyFile()).isEqualTo(Path.of("/etc/trtc/trtc.properties"));
        assertThat(DemoOptions.parse("--trtc-endpoint", "https://x.example/", "--sdkappid", "1", "--identifier", "ops",
                "--secret-key-file", "k.properties").identifier()).isEqualTo("ops");
    }

    @Test
    void existingServicesReplaceTheEmbeddedOnes() {
        DemoOptions options = DemoOptions.parse("--bootstrap-servers", "127.0.0.1:9092,127.0.0.1:9093",
                "--connect-url", "http://127.0.0.1:8083", "--registry-url", "http://127.0.0.1:8081",
                "--name", "trtc-2", "--topic", "calls-2", "--connector-config", "my.json", "--calls-per-second", "2",
                "--history-days", "1", "--plain");

        assertThat(options.embeddedConnect()).isFalse();
        assertThat(options.embeddedRegistry()).isFalse();
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093");
        assertThat(options.connectUrl()).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(options.registryUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(options.connectorName()).isEqualTo("trtc-2");
        assertThat(options.topic()).isEqualTo("calls-2");
        assertThat(options.connectorConfig()).isEqualTo(Path.of("my.json"));
        assertThat(options.callsPerSecond()).isEqualTo(2);
        assertThat(options.historyDays()).isEqualTo(1);
        assertThat(options.redraw()).isFalse();
    }

    @Test
    void apiChoosesTheVersionTheConnectorReadsInAnyCase() {
        assertThat(DemoOptions.parse("--api", "v4").api()).isEqualTo(ApiDialect.V4);
        assertThat(DemoOptions.parse("--api=V1", "--plain").api()).isEqualTo(ApiDialect.V1);
        assertThat(DemoOptions.parse("--trtc-endpoint", "https://adminapisgp.im.qcloud.com/", "--sdkappid", "1",
                "--secret-key-file", "k.properties", "--api", "v4").api()).isEqualTo(ApiDialect.V4);
    }

    @Test
    void refusesAnApiVersionOtherThanV1OrV4() {
        assertThatThrownBy(() -> DemoOptions.parse("--api", "v2")).hasMessage("--api takes v1 or v4, got v2");
        assertThatThrownBy(() -> DemoOptions.parse("--api", "4")).hasMessageContaining("--api takes v1 or v4");
        assertThatThrownBy(() -> DemoOptions.parse("--api")).hasMessageContaining("--api needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--api", "--plain")).hasMessageContaining("--api needs a value");
    }

    @Test
    void latencyDelaysTheSimulatorsAnswersAndIsNoneByDefault() {
        assertThat(DemoOptions.parse().latencyMillis()).isZero();
        assertThat(DemoOptions.parse("--latency-ms", "80").latencyMillis()).isEqualTo(80);
        assertThat(DemoOptions.parse("--latency-ms=200", "--plain").latencyMillis()).isEqualTo(200);
        assertThatThrownBy(() -> DemoOptions.parse("--latency-ms", "10001")).hasMessageContaining("0..10000");
        assertThatThrownBy(() -> DemoOptions.parse("--latency-ms", "-5")).hasMessageContaining("--latency-ms");
        assertThatThrownBy(() -> DemoOptions.parse("--latency-ms", "80", "--trtc-endpoint", "https://x.example/",
                "--sdkappid", "1", "--secret-key-file", "k.properties"))
                .hasMessageContaining("--latency-ms delays the simulator's answers");
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(DemoOptions.parse("--sdkappid", "1", "--help").help()).isTrue();
    }

    @Test
    void refusesIncompleteOrMalformedOptionsNamingTheCulprit() {
        assertThatThrownBy(() -> DemoOptions.parse("--trtc-endpoint", "https://x.example/"))
                .hasMessageContaining("--sdkappid").hasMessageContaining("--secret-key-file");
        assertThatThrownBy(() -> DemoOptions.parse("--identifier", "ops"))
                .hasMessageContaining("--trtc-endpoint");
        assertThatThrownBy(() -> DemoOptions.parse("--connect-url", "http://127.0.0.1:8083"))
                .hasMessageContaining("--bootstrap-servers");
        assertThatThrownBy(() -> DemoOptions.parse("--bootstrap-servers", "127.0.0.1:9092"))
                .hasMessageContaining("--connect-url");
        assertThatThrownBy(() -> DemoOptions.parse("--bootstrap-servers", "kafka", "--connect-url", "http://c:8083"))
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> DemoOptions.parse("--registry-url", "127.0.0.1:8081"))
                .hasMessageContaining("--registry-url");
        assertThatThrownBy(() -> DemoOptions.parse("--sdkappid", "-3")).hasMessageContaining("positive");
        assertThatThrownBy(() -> DemoOptions.parse("--history-days", "8")).hasMessageContaining("0..7");
        assertThatThrownBy(() -> DemoOptions.parse("--history-days", "1.5")).hasMessageContaining("whole");
        assertThatThrownBy(() -> DemoOptions.parse("--calls-per-second", "fast")).hasMessageContaining("number");
        assertThatThrownBy(() -> DemoOptions.parse("--name")).hasMessageContaining("--name needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--name", "--plain")).hasMessageContaining("--name needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--port", "1")).hasMessageContaining("unknown option --port");
    }

    @Test
    void theUsageTextNamesEveryOption() {
        assertThat(DemoOptions.USAGE).contains("--trtc-endpoint", "--sdkappid", "--identifier", "--secret-key-file",
                "--bootstrap-servers", "--connect-url", "--registry-url", "--connector-config", "--name", "--topic",
                "--calls-per-second", "--history-days", "--latency-ms", "--plain", "--help", "--api v1|v4");
        assertThat(DemoOptions.USAGE).contains("--exit-after-records");
    }

    @Test
    void exitAfterRecordsMakesTheDemoAStartUpCheck() {
        assertThat(DemoOptions.parse().exitAfterRecords()).isNull();
        assertThat(DemoOptions.parse("--exit-after-records", "500").exitAfterRecords()).isEqualTo(500);
        assertThat(DemoOptions.parse("--exit-after-records=1", "--plain").exitAfterRecords()).isEqualTo(1);
        assertThatThrownBy(() -> DemoOptions.parse("--exit-after-records", "0"))
                .hasMessageContaining("--exit-after-records");
        assertThatThrownBy(() -> DemoOptions.parse("--exit-after-records", "many"))
                .hasMessageContaining("--exit-after-records");
    }

    @Test
    void aCleanStartIsTheConnectorAndEveryTaskRunningAndRecordsArrived() {
        assertThat(DemoMain.cleanStart(snapshot("RUNNING", 4, 4, 120), 0, 100)).isTrue();
        assertThat(DemoMain.cleanStart(snapshot("RUNNING", 4, 4, 120), 50, 100)).isFalse();
        assertThat(DemoMain.cleanStart(snapshot("RUNNING", 3, 4, 120), 0, 100)).isFalse();
        assertThat(DemoMain.cleanStart(snapshot("RUNNING", 0, 0, 120), 0, 100)).isFalse();
        assertThat(DemoMain.cleanStart(snapshot("UNASSIGNED", 4, 4, 120), 0, 100)).isFalse();
        assertThat(DemoMain.cleanStart(snapshot("RUNNING", 4, 4, -1), 0, 1)).isFalse();
    }

    private static ProgressSnapshot snapshot(String state, int running, int tasks, long records) {
        return new ProgressSnapshot(0, 10, "trtc-call-records", state, running, tasks, null, "trtc.call-records",
                records, 0, ApiDialect.V1, null, SliceProgress.NONE, java.util.List.of());
    }
}
