package io.github.kafkaconnecttrtc.simulator;

import java.util.List;

/**
 * One page of matches, as they stood when the query ran.
 *
 * @param totalNum the number of matches on all pages
 * @param records the matches on the requested page, each with how the API writes it
 * @param morePages whether matches follow the requested page
 */
record QueryPage(int totalNum, List<SimulatedCall> records, boolean morePages) {

    QueryPage {
        records = List.copyOf(records);
    }
}
