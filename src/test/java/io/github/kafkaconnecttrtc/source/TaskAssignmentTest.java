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

    @Test
    void putsTheOverlongLaneWithTheLongLaneSoItsLongPassesNeverHoldUpTheLiveTail() {
        List<String> slices = List.of("tail/fast", "tail/long", "tail/overlong", "h1", "h2");

        assertThat(TaskAssignment.assign(slices, 2)).containsExactly(
                List.of("tail/fast", "h1"), List.of("tail/long", "h2", "tail/overlong"));
        assertThat(TaskAssignment.assign(slices, 8)).hasSize(4).element(1).isEqualTo(List.of("tail/long", "tail/overlong"));
        assertThat(TaskAssignment.assign(slices, 1)).containsExactly(slices.stream().sorted((a, b) ->
                a.equals("tail/overlong") ? 1 : b.equals("tail/overlong") ? -1 : 0).toList());
    }
}
