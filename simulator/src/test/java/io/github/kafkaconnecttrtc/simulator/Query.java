package io.github.kafkaconnecttrtc.simulator;

import java.util.StringJoiner;

/**
 * A records query by its time bounds and paging, written in either endpoint's field names: {@code
 * startTimestamp} or {@code StartTime}, and so on. Absent fields are left out.
 */
record Query(long start, Long end, Integer page, Integer perPage) {

    static Query from(long start) {
        return new Query(start, null, null, null);
    }

    Query to(long endBound) {
        return new Query(start, endBound, page, perPage);
    }

    Query page(int number) {
        return new Query(start, end, number, perPage);
    }

    Query perPage(int size) {
        return new Query(start, end, page, size);
    }

    String json(ApiDialect dialect) {
        boolean v1 = dialect == ApiDialect.V1;
        StringJoiner fields = new StringJoiner(",", "{", "}");
        fields.add(field(v1 ? "startTimestamp" : "StartTime", start));
        if (end != null) {
            fields.add(field(v1 ? "endTimestamp" : "EndTime", end));
        }
        if (page != null) {
            fields.add(field(v1 ? "page" : "Page", page));
        }
        if (perPage != null) {
            fields.add(field(v1 ? "numberPerPage" : "NumberPerPage", perPage));
        }
        return fields.toString();
    }

    private static String field(String name, long value) {
        return "\"" + name + "\":" + value;
    }
}
