package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksTheUserSigQueryValueAndEverySecret() {
        String text = "POST https://h/v1/records/get_records_by_filter?sdkappid=1&usersig=eJw*abc-_&random=5 key=s3cr3t";

        String redacted = Redaction.redact(text, List.of("s3cr3t"));

        assertThat(redacted).doesNotContain("eJw*abc-_").doesNotContain("s3cr3t")
                .contains("usersig=[redacted]&random=5");
    }

    @Test
    void leavesCleanExceptionsAsTheyAre() {
        IOException clean = new IOException("connection reset");

        assertThat(Redaction.scrub(clean, List.of("s3cr3t"))).isSameAs(clean);
    }

    @Test
    void copiesACauseChainThatLeaksWithTheSameClassNamesAndStackTraces() {
        IOException root = new IOException("bad uri https://h/?usersig=SIG123&x=1");
        RuntimeException top = new RuntimeException("wrapper mentions s3cr3t", root);

        Throwable scrubbed = Redaction.scrub(top, List.of("s3cr3t", "SIG123"));

        StringWriter trace = new StringWriter();
        scrubbed.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("s3cr3t").doesNotContain("SIG123")
                .contains("java.lang.RuntimeException").contains("java.io.IOException");
        assertThat(scrubbed.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(root.getStackTrace());
    }
}
