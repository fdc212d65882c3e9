package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskAssignmentTest {

    @Test
    void spreadsSlicesRoundRobinWithTheFastLaneOnTheFirstTask() {
        List<String> slices = List.of("tail/fast", "tail/long", "h1", "h2", "h3");

        assertThat(TaskAssignment.assign(slices, 3, 1)).containsExactly(
                List.of("tail/fast", "h2"), List.of("tail/long", "h3"), List.of("h1"));
    }

    /**
     * The long lane reads its look-back, six cells' worth here, on its first start and every sweep:
     * its task gets that many fewer cells, so that the tasks finish a backfill together.
     */
    @Test
    void givesTheTaskOfTheLongLaneAsManyFewerCellsAsItsLookBackSpans() {
        List<String> slices = new ArrayList<>(List.of("tail/fast", "tail/long"));
        for (int i = 0; i < 22; i++) {
            slices.add("h" + i);
        }

        List<List<String>> tasks = TaskAssignment.assign(slices, 4, 6);

        assertThat(tasks.stream().map(task -> task.stream().filter(name -> name.startsWith("h")).count()))
                .containsExactly(7L, 1L, 7L, 7L);
        assertThat(tasks.get(0)).startsWith("tail/fast");
        assertThat(tasks.get(1)).containsExactly("tail/long", "h18");
    }

    @Test
    void neverMakesMoreTasksThanSlicesNorFewerThanOne() {
        assertThat(TaskAssignment.assign(List.of("tail/fast", "tail/long"), 8, 6)).hasSize(2);
        assertThat(TaskAssignment.assign(List.of("tail/fast", "tail/long"), 1, 6))
                .containsExactly(List.of("tail/fast", "tail/long"));
    }

    @Test
    void putsTheOverlongLaneWithTheLongLaneSoItsLongPassesNeverHoldUpTheLiveTail() {
        List<String> slices = List.of("tail/fast", "tail/long", "tail/overlong", "h1", "h2");

        assertThat(TaskAssignment.assign(slices, 2, 1)).containsExactly(
                List.of("tail/fast", "h1"), List.of("tail/long", "h2", "tail/overlong"));
        assertThat(TaskAssignment.assign(slices, 8, 1)).hasSize(4).element(1).isEqualTo(List.of("tail/long", "tail/overlong"));
        assertThat(TaskAssignment.assign(slices, 1, 1)).containsExactly(slices.stream().sorted((a, b) ->
                a.equals("tail/overlong") ? 1 : b.equals("tail/overlong") ? -1 : 0).toList());
    }
}
