package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskAssignmentTest {

    @Test
    void spreadsSlicesRoundRobinWithTheFastLaneOnTheFirstTask() {
        List<String> slices = List.of("tail/fast", "tail/long", "h1", "h2", "h3");

        assertThat(TaskAssignment.assign(slices, 3)).containsExactly(
                List.of("tail/fast", "h2"), List.of("tail/long", "h3"), List.of("h1"));
    }

    @Test
    void neverMakesMoreTasksThanSlicesNorFewerThanOne() {
        assertThat(TaskAssignment.assign(List.of("tail/fast", "tail/long"), 8)).hasSize(2);
        assertThat(TaskAssignment.assign(List.of("tail/fast", "tail/long"), 1))
                .containsExactly(List.of("tail/fast", "tail/long"));
    }
}
