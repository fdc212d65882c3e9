package io.github.kafkaconnecttrtc.simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * One records endpoint's logic, free of HTTP and transport faults: UserSig, then the body and
 * parameters as its dialect reads them, then the query (the behaviour model in README.md), and the
 * faults that make a successful answer say something untrue ({@link Fault#distortsContent()}).
 */
final class RecordsApi {

    static final BigInteger HUGE_TOTAL_NUM = BigInteger.TEN.pow(13);

    private final ApiDialect dialect;
    private final SimulatorSettings settings;
    private final CallStore store;
    private final Answers answers;
    private final UserSigVerifier userSigs;

    RecordsApi(ApiDialect dialect, SimulatorSettings settings, CallStore store, Answers answers) {
        this.dialect = dialect;
        this.settings = settings;
        this.store = store;
        this.answers = answers;
        this.userSigs = new UserSigVerifier(settings);
    }

    /**
     * The answer to {@code request}; {@code fault}, when it is one that distorts content, changes
     * what a successful answer says, where it applies.
     */
    ApiAnswer answer(ApiRequest request, long nowSeconds, Fault fault) {
        store.generateThrough(nowSeconds);
        try {
            userSigs.verify(request, nowSeconds);
            RecordQuery query = dialect.readQuery(request, nowSeconds, settings);
            CallFilter filter = CallFilter.of(query, settings.endTimestampReading(), settings.groupPackage());
            QueryPage page = store.query(filter, nowSeconds, query.page(), query.numberPerPage());
            if (page.totalNum() == 0) {
                // As in v1, where this is an error, no fault makes an answer without matches untrue.
                return dialect.noMatch(answers);
            }
            return success(filter, query, page, nowSeconds, fault);
        } catch (RequestRejected rejected) {
            return answers.refused(rejected);
        }
    }

    private ApiAnswer success(CallFilter filter, RecordQuery query, QueryPage page, long nowSeconds, Fault fault) {
        BigInteger totalNum = BigInteger.valueOf(page.totalNum());
        int requested = query.page();
        // The page field echoes the requested page when more matches follow it, else 0.
        int pageField = page.morePages() ? requested : 0;
        if (fault == null) {
            return answers.success(totalNum, pageField, page.records(), false);
        }
        return switch (fault) {
            case PAGE_LOOP -> {
                if (page.morePages()) {
                    yield answers.success(totalNum, pageField, page.records(), false);
                }
                int lastPage = Math.max(1, (page.totalNum() + query.numberPerPage() - 1) / query.numberPerPage());
                List<SimulatedCall> records = requested <= lastPage ? page.records()
                        : store.query(filter, nowSeconds, lastPage, query.numberPerPage()).records();
                yield answers.success(totalNum, requested, records, true);
            }
            case EARLY_EMPTY_PAGE -> page.records().isEmpty()
                    ? answers.success(totalNum, pageField, page.records(), false)
                    : answers.success(totalNum, pageField, List.of(), true);
            case EARLY_PAGE_ZERO -> answers.success(totalNum, 0, page.records(), page.morePages());
            case TOTAL_NUM_HUGE -> answers.success(HUGE_TOTAL_NUM, pageField, page.records(), true);
            case TOTAL_NUM_LONG -> answers.success(Malformation.longNumber(page.totalNum()), pageField, page.records(),
                    true);
            default -> answers.success(totalNum, pageField, page.records(), false);
        };
    }
}
