package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.ApiResponse;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.RequestPolicy;
import io.github.kafkaconnecttrtc.client.ResponseParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The connector's own cost per record, on one thread: parsing a full page of the API's JSON, and
 * turning a pass's calls into Connect records (Struct, offset, partition). Scores are records per
 * second per core. Run with {@code mvn -q test-compile exec:exec@jmh} (see docs/benchmark.md); the
 * worker's converter and producer come on top of this and are not ours to measure here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PerRecordPathBenchmark {

    static final int PAGE = 100;
    private static final long END = 1_767_225_600L;
    private static final Instant NOW = Instant.ofEpochSecond(END + 3600);

    private final ResponseParser parser = new ResponseParser(ApiDialect.V1, 1_400_000_000L, RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);
    private byte[] page;
    private PassResult pass;
    private RecordFactory factory;
    private Slice slice;
    private Cursor passStart;

    @Setup
    public void setUp() {
        page = page(new SplittableRandom(7)).getBytes(StandardCharsets.UTF_8);
        List<CallRecord> calls = parser.parse(page, PAGE, NOW).records();
        pass = new PassResult(calls, Cursor.throughSecond(END + 60), 1, null, 0, 0, null, List.of(), 0);
        slice = Slice.tailFast(END - 3600);
        passStart = Cursor.throughSecond(END - 60);
        factory = new RecordFactory(1_400_000_000L, "trtc.call-records", "trtc.call-records.progress",
                "trtc.call-records.invalid", END - 3600, END - 3600, END - 86_400, RecordTimestamp.READ);
    }

    /** A full page as the API sends it: ids, rooms and users of realistic length, callees as a list. */
    static String page(SplittableRandom random) {
        StringBuilder json = new StringBuilder(40_000).append("{\"errorCode\":0,\"errorMessage\":\"Success\",")
                .append("\"requestId\":\"8ba14f64a1d92d38705eec775e1f3deb\",\"data\":{\"totalNum\":1000,\"page\":2,")
                .append("\"callRecordList\":[");
        for (int i = 0; i < PAGE; i++) {
            long start = END - 600 + i * 5L;
            long end = start + random.nextInt(10, 600);
            json.append(i == 0 ? "" : ",").append("{\"callId\":\"").append(new java.util.UUID(random.nextLong(),
                    random.nextLong())).append("\",\"sdkAppId\":1400000000,\"mediaType\":\"")
                    .append(random.nextBoolean() ? "video" : "audio").append("\",\"roomId\":\"")
                    .append(random.nextInt(1_000_000)).append("\",\"startCallTs\":").append(start)
                    .append(",\"acceptTs\":").append(start + 3).append(",\"endTs\":").append(end)
                    .append(",\"caller\":\"user_").append(random.nextInt(100_000)).append("\",\"totalUserNumber\":2,")
                    .append("\"callType\":\"single\",\"callResult\":\"normal_end\",\"callees\":[\"user_")
                    .append(random.nextInt(100_000)).append("\"]}");
        }
        return json.append("]}}").toString();
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public ApiResponse parsePage() {
        return parser.parse(page, PAGE, NOW);
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public List<SourceRecord> mapPass() {
        return factory.records(slice, passStart, pass, END * 1000);
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public List<SourceRecord> parseAndMap() {
        List<CallRecord> calls = parser.parse(page, PAGE, NOW).records();
        return factory.records(slice, passStart,
                new PassResult(calls, Cursor.throughSecond(END + 60), 1, null, 0, 0, null, List.of(), 0), END * 1000);
    }
}
