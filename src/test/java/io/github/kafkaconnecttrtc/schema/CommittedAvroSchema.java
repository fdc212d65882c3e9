package io.github.kafkaconnecttrtc.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.avro.Schema;

/**
 * The committed Avro schema, {@code schemas/CallRecord.avsc}, read from the work tree: the file that
 * consumers see is what the tests hold the connector to, not a copy on the test class path.
 */
final class CommittedAvroSchema {

    /** Relative to the project directory, which Surefire runs the tests in. */
    static final Path PATH = Path.of("..", "schemas", "CallRecord.avsc");

    private CommittedAvroSchema() {
    }

    static Schema parse() {
        try {
            return new Schema.Parser().parse(PATH.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
