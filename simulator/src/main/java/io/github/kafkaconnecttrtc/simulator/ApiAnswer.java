package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the records endpoint answers, before any fault mangles it.
 *
 * @param errorCode the body's {@code errorCode}
 * @param body the whole JSON body
 */
record ApiAnswer(int errorCode, ObjectNode body) {
}
