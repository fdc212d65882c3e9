package io.github.kafkaconnecttrtc.simulator;

/**
 * What a records endpoint answers, before any fault breaks its transport.
 *
 * @param errorCode the body's error code ({@code errorCode} in v1, {@code ErrorCode} in v4)
 * @param body the whole JSON body, as sent
 * @param distorted whether a fault changed what the body says ({@link Fault#distortsContent()})
 */
record ApiAnswer(int errorCode, byte[] body, boolean distorted) {
}
