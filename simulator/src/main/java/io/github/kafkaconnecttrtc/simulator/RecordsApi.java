package io.github.kafkaconnecttrtc.simulator;

/**
 * The records endpoint's logic, free of HTTP and faults: UserSig, body, parameters, group
 * package, then the query (the behaviour model in README.md).
 */
final class RecordsApi {

    private final SimulatorSettings settings;
    private final CallStore store;
    private final Answers answers;
    private final UserSigVerifier userSigs;

    RecordsApi(SimulatorSettings settings, CallStore store, Answers answers) {
        this.settings = settings;
        this.store = store;
        this.answers = answers;
        this.userSigs = new UserSigVerifier(settings);
    }

    ApiAnswer answer(ApiRequest request, long nowSeconds) {
        store.generateThrough(nowSeconds);
        try {
            userSigs.verify(request, nowSeconds);
            RecordQuery query = RequestValidator.validate(request, nowSeconds);
            if (CallGenerator.GROUP.equals(query.callType()) && !settings.groupPackage()) {
                throw new RequestRejected(ApiCodes.GROUP_PACKAGE_REQUIRED,
                        ApiCodes.message(ApiCodes.GROUP_PACKAGE_REQUIRED));
            }
            CallFilter filter = CallFilter.of(query, settings.endTimestampReading(), settings.groupPackage());
            QueryPage page = store.query(filter, nowSeconds, query.page(), query.numberPerPage());
            if (page.totalNum() == 0) {
                return answers.error(ApiCodes.NO_RECORDS);
            }
            return answers.success(page, query.page());
        } catch (RequestRejected rejected) {
            return answers.error(rejected.errorCode(), rejected.getMessage());
        }
    }
}
