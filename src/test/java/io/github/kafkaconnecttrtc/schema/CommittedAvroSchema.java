package io.github.kafkaconnecttrtc.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.avro.Schema;

/**
 * The committed Avro schemas, {@code schemas/CallRecord.avsc} and {@code schemas/InvalidCallRecord.avsc},
 * read from the work tree: the files that consumers see are what the tests hold the connector to, not
 * copies on the test class path.
 */
final class CommittedAvroSchema {

    /** Relative to the project directory, which Surefire runs the tests in. */
    static final Path PATH = Path.of("..", "schemas", "CallRecord.avsc");
    static final Path INVALID_PATH = Path.of("..", "schemas", "InvalidCallRecord.avsc");

    private CommittedAvroSchema() {
    }

    static Schema parse() {
        return parse(PATH);
    }

    static Schema parseInvalid() {
        return parse(INVALID_PATH);
    }

    private static Schema parse(Path path) {
        try {
            return new Schema.Parser().parse(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
