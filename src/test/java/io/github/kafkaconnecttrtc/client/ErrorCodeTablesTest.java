package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.ErrorCodes.Reaction;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/api-versions.md documents each family's codes as the connector handles them. */
class ErrorCodeTablesTest {

    private static final Path DOC = Path.of("..", "docs", "api-versions.md");

    /** The table rows of the section headed {@code ### <heading>}: code to the "what the connector does" cell. */
    private static Map<Integer, String> documented(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        Map<Integer, String> rows = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inSection = line.equals("### " + heading);
            } else if (inSection && line.matches("\\| -?\\d+ \\|.*")) {
                String[] cells = line.split("\\|");
                rows.put(Integer.parseInt(cells[1].trim()), cells[3].trim());
            }
        }
        return rows;
    }

    private static Reaction reactionOf(String cell) {
        if (cell.startsWith("reads the page")) {
            return Reaction.SUCCESS;
        }
        if (cell.startsWith("an empty page")) {
            return Reaction.NO_RECORDS;
        }
        if (cell.startsWith("makes a new UserSig")) {
            return Reaction.RENEW_USERSIG;
        }
        if (cell.startsWith("backs off and retries")) {
            return Reaction.RATE_LIMITED;
        }
        if (cell.startsWith("retries")) {
            return Reaction.RETRY;
        }
        if (cell.startsWith("fails the task")) {
            return Reaction.FATAL;
        }
        throw new AssertionError("no reaction in '" + cell + "'");
    }

    /** The codes of one family, from the constants of ErrorCodes: v4's carry the prefix V4_. */
    private static Set<Integer> constants(boolean v4) throws IllegalAccessException {
        Set<Integer> codes = new TreeSet<>();
        for (Field field : ErrorCodes.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())
                    && (field.getName().equals("SUCCESS") || field.getName().startsWith("V4_") == v4)) {
                codes.add(field.getInt(null));
            }
        }
        return codes;
    }

    @Test
    void documentsEveryV1CodeAsTheConnectorHandlesIt() throws Exception {
        Map<Integer, String> rows = documented("v1");

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(constants(false));
        rows.forEach((code, action) -> assertThat(ErrorCodes.V1.reaction(code)).as("v1 code %d", code)
                .isEqualTo(reactionOf(action)));
    }

    @Test
    void documentsEveryV4CodeAsTheConnectorHandlesIt() throws Exception {
        Map<Integer, String> rows = documented("v4");

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(constants(true));
        rows.forEach((code, action) -> assertThat(ErrorCodes.V4.reaction(code)).as("v4 code %d", code)
                .isEqualTo(reactionOf(action)));
    }
}
