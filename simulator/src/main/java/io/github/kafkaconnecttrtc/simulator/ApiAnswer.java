package io.github.kafkaconnecttrtc.simulator;

/**
 * What the records endpoint answers, before any fault breaks its transport.
 *
 * @param errorCode the body's {@code errorCode}
 * @param body the whole JSON body, as sent
 * @param distorted whether a fault changed what the body says ({@link Fault#distortsContent()})
 */
record ApiAnswer(int errorCode, byte[] body, boolean distorted) {
}
