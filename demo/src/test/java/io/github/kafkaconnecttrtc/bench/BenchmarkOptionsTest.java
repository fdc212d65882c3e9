package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void withoutApiTheConfigurationsVersionIsRead() {
        assertThat(BenchmarkOptions.parse().api()).isNull();
    }

    @Test
    void apiChoosesTheVersionInOneQuotedArgumentToo() {
        assertThat(BenchmarkOptions.parse("--api", "v4").api()).isEqualTo(ApiDialect.V4);
        // exec:java passes -Dbenchmark.args as one string.
        assertThat(BenchmarkOptions.parse("--calls 1000 --api V1 --modes alo").api()).isEqualTo(ApiDialect.V1);
    }

    @Test
    void refusesAnApiVersionOtherThanV1OrV4() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--api", "v3")).hasMessage("--api takes v1 or v4, got v3");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--api")).hasMessage("--api needs a value");
    }

    @Test
    void theUsageTextNamesTheApiOption() {
        assertThat(BenchmarkOptions.USAGE).contains("--api v1|v4");
    }
}
