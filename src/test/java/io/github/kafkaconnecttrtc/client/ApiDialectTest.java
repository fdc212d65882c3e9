package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ApiDialectTest {

    private static String body(ApiDialect dialect, RecordsQuery query, int page) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
            dialect.writeQuery(g, query, page);
        }
        return out.toString();
    }

    @Test
    void writesV1QueriesInV1Names() throws IOException {
        RecordsQuery query = new RecordsQuery(1000, OptionalLong.of(2000), "group", "normal_end", 100);

        assertThat(body(ApiDialect.V1, query, 3)).isEqualTo("{\"startTimestamp\":1000,\"endTimestamp\":2000,"
                + "\"callType\":\"group\",\"callResult\":\"normal_end\",\"numberPerPage\":100,\"page\":3}");
    }

    @Test
    void writesV4QueriesInV4NamesAndTextsAlwaysWithAPageSize() throws IOException {
        RecordsQuery query = new RecordsQuery(1000, OptionalLong.of(2000), "group", "not_answer", 100);

        assertThat(body(ApiDialect.V4, query, 3)).isEqualTo("{\"StartTime\":1000,\"EndTime\":2000,"
                + "\"CallType\":\"MultiCall\",\"CallResult\":\"NotAnswer\",\"NumberPerPage\":100,\"Page\":3}");
        assertThat(body(ApiDialect.V4, new RecordsQuery(1000, OptionalLong.empty(), "single", null, 100), 1))
                .isEqualTo("{\"StartTime\":1000,\"CallType\":\"SingleCall\",\"NumberPerPage\":100,\"Page\":1}");
    }

    @Test
    void knowsTheHostsOfEachFamily() {
        assertThat(ApiDialect.V1.servesHost("callkit-intl.trtc.tencent-cloud.com")).isTrue();
        assertThat(ApiDialect.V4.servesHost("ADMINAPISGP.im.qcloud.com")).isTrue();
        assertThat(ApiDialect.V4.servesHost("callkit-intl.trtc.tencent-cloud.com")).isFalse();
        assertThat(ApiDialect.V4.regions()).extracting(ApiDialect.Region::host).contains("console.tim.qq.com",
                "adminapisgp.im.qcloud.com", "adminapikr.im.qcloud.com", "adminapiger.im.qcloud.com",
                "adminapiusa.im.qcloud.com", "adminapiidn.im.qcloud.com");
    }

    @Test
    void readsTheConfiguredNameInAnyCase() {
        assertThat(ApiDialect.of("V4")).isEqualTo(ApiDialect.V4);
        assertThat(ApiDialect.of(" v1")).isEqualTo(ApiDialect.V1);
        assertThatThrownBy(() -> ApiDialect.of("v2")).hasMessageContaining("expected v1 or v4");
    }

    @Test
    void mapsEitherDialectsTextsToV1s() {
        assertThat(CallTexts.v1Text("NormalEnd")).isEqualTo("normal_end");
        assertThat(CallTexts.v1Text("MultiCall")).isEqualTo("group");
        assertThat(CallTexts.v1Text("Offline")).isEqualTo("offline");
        assertThat(CallTexts.v1Text("not_answer")).isEqualTo("not_answer");
        assertThat(CallTexts.v1Text("SomethingNew")).isEqualTo("somethingnew");
        assertThat(CallTexts.v1Text(null)).isNull();
    }
}
