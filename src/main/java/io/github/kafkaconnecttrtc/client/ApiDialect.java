package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The two families of the call-records API. Calls started with TUICallKit's deprecated {@code call()} /
 * {@code groupCall()} are kept by v1; calls started with the current API by v4. Both take the same query
 * parameters and UserSig and page the same way; they differ in the path, the JSON names and enum texts,
 * and the meaning of their error codes. Everything else the connector does is the same for both.
 */
public enum ApiDialect {

    V1("v1", "v1/records/get_records_by_filter", WireFormat.V1, ErrorCodes.V1, List.of(
            new Region("callkit-intl.trtc.tencent-cloud.com", "outside mainland China"),
            new Region("callkit.trtc.tencent-cloud.com", "mainland China"))),

    V4("v4", "v4/call_record_http_srv/get_record_by_filter", WireFormat.V4, ErrorCodes.V4, List.of(
            new Region("console.tim.qq.com", "China"),
            new Region("adminapisgp.im.qcloud.com", "Singapore"),
            new Region("adminapikr.im.qcloud.com", "Seoul"),
            new Region("adminapiger.im.qcloud.com", "Frankfurt"),
            new Region("adminapiusa.im.qcloud.com", "Silicon Valley"),
            new Region("adminapiidn.im.qcloud.com", "Jakarta")));

    /** A host the vendor documents for a dialect, and the region of the applications it serves. */
    public record Region(String host, String name) {

        public String endpoint() {
            return "https://" + host + "/";
        }
    }

    private final String configName;
    private final String path;
    private final WireFormat wire;
    private final ErrorCodes codes;
    private final List<Region> regions;

    ApiDialect(String configName, String path, WireFormat wire, ErrorCodes codes, List<Region> regions) {
        this.configName = configName;
        this.path = path;
        this.wire = wire;
        this.codes = codes;
        this.regions = regions;
    }

    /** The dialect a configuration names ({@code v1} or {@code v4}, any case). */
    public static ApiDialect of(String name) {
        for (ApiDialect dialect : values()) {
            if (dialect.configName.equalsIgnoreCase(name.trim())) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown API version '" + name + "': expected v1 or v4");
    }

    /** The name in the configuration: {@code v1} or {@code v4}. */
    public String configName() {
        return configName;
    }

    /** The path of the records endpoint, relative to the host. */
    public String path() {
        return path;
    }

    public ErrorCodes codes() {
        return codes;
    }

    /** The hosts the vendor documents for this dialect, one per region. */
    public List<Region> regions() {
        return regions;
    }

    /** The documented endpoints with their regions, for messages: {@code https://host/ (Region), ...}. */
    public String describeRegions() {
        StringJoiner hosts = new StringJoiner(", ");
        regions.forEach(region -> hosts.add(region.endpoint() + " (" + region.name() + ")"));
        return hosts.toString();
    }

    /** Whether {@code host} is one the vendor documents for this dialect. */
    public boolean servesHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return regions.stream().anyMatch(region -> region.host().equals(lower));
    }

    WireFormat wire() {
        return wire;
    }

    /**
     * Writes the request body of one page. v1 needs a start; every v4 field is optional, but its defaults
     * (the last 7 days up to now, 10 records a page) are never what a pass asks for, so all are sent.
     */
    void writeQuery(JsonGenerator g, RecordsQuery query, int page) throws IOException {
        g.writeStartObject();
        if (this == V1) {
            g.writeNumberField("startTimestamp", query.startTimestamp());
            if (query.endTimestamp().isPresent()) {
                g.writeNumberField("endTimestamp", query.endTimestamp().getAsLong());
            }
            optional(g, "callType", query.callType());
            optional(g, "callResult", query.callResult());
            g.writeNumberField("numberPerPage", query.numberPerPage());
            g.writeNumberField("page", page);
        } else {
            g.writeNumberField("StartTime", query.startTimestamp());
            if (query.endTimestamp().isPresent()) {
                g.writeNumberField("EndTime", query.endTimestamp().getAsLong());
            }
            optional(g, "CallType", CallTexts.v4Text(query.callType()));
            optional(g, "CallResult", CallTexts.v4Text(query.callResult()));
            g.writeNumberField("NumberPerPage", query.numberPerPage());
            g.writeNumberField("Page", page);
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
