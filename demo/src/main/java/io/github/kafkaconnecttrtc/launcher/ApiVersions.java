package io.github.kafkaconnecttrtc.launcher;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import java.util.Map;

/**
 * The API version ({@code trtc.api.version}) for the demo and the benchmark: the option that
 * chooses it, the version a configuration reads, and the simulator's endpoint for it. The plugin
 * and the simulator each name their version enum {@code ApiDialect}; only this class maps one to
 * the other.
 */
public final class ApiVersions {

    /** The rate-limit codes of both versions, for a label that is right whichever one was read. */
    public static final String RATE_LIMITED_CODES = "70005 / 600xx";

    private ApiVersions() {
    }

    /** {@code v1} or {@code v4}, as an option's value; the exception names {@code flag}. */
    public static ApiDialect parse(String flag, String text) {
        try {
            return ApiDialect.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " takes v1 or v4, got " + text);
        }
    }

    /** The version a connector configuration reads: its {@code trtc.api.version}, else the plugin's default. */
    public static ApiDialect of(Map<String, String> config) {
        return ApiDialect.of(config.getOrDefault(TrtcSourceConfig.API_VERSION_CONFIG,
                TrtcSourceConfig.API_VERSION_DEFAULT));
    }

    /** The simulator's endpoint of {@code api}. */
    public static io.github.kafkaconnecttrtc.simulator.ApiDialect simulatorEndpoint(ApiDialect api) {
        return switch (api) {
            case V1 -> io.github.kafkaconnecttrtc.simulator.ApiDialect.V1;
            case V4 -> io.github.kafkaconnecttrtc.simulator.ApiDialect.V4;
        };
    }

    /** Whether {@code code} is an error to {@code api}: not success, an empty page or "frequency limited". */
    public static boolean isError(ApiDialect api, int code) {
        ErrorCodes.Reaction reaction = api.codes().reaction(code);
        return reaction != ErrorCodes.Reaction.SUCCESS && reaction != ErrorCodes.Reaction.NO_RECORDS
                && reaction != ErrorCodes.Reaction.RATE_LIMITED;
    }

    /** The code of {@code api} that answers "no records" (v4's empty success is code 0 and not told apart). */
    public static int noRecordsCode(ApiDialect api) {
        return switch (api) {
            case V1 -> ErrorCodes.NO_RECORDS;
            case V4 -> ErrorCodes.V4_NO_RECORD;
        };
    }
}
