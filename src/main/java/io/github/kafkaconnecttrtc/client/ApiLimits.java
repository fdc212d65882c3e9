package io.github.kafkaconnecttrtc.client;

import java.time.Duration;

/** Limits the TRTC records API sets; the configuration, the client and the reader keep within them. */
public final class ApiLimits {

    /** The most records one page holds: the API answers 70001 to any other {@code numberPerPage}. */
    public static final int MAX_PAGE_SIZE = 100;
    /** How long the API keeps a call; it answers 70001 to a start before that. */
    public static final Duration HORIZON = Duration.ofDays(7);
    /** The most requests per second the API serves one application. */
    public static final double MAX_REQUESTS_PER_SECOND = 200;

    private ApiLimits() {
    }
}
