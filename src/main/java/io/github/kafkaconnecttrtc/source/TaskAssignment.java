package io.github.kafkaconnecttrtc.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads slices over tasks round-robin, the tail lanes first, so that task 0 always reads the
 * live tail and history is shared evenly.
 */
public final class TaskAssignment {

    private TaskAssignment() {
    }

    /** One list of slice names per task; never more tasks than slices, never fewer than one. */
    public static List<List<String>> assign(List<String> sliceNames, int maxTasks) {
        int tasks = Math.max(1, Math.min(maxTasks, sliceNames.size()));
        List<List<String>> assignment = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            assignment.add(new ArrayList<>());
        }
        for (int i = 0; i < sliceNames.size(); i++) {
            assignment.get(i % tasks).add(sliceNames.get(i));
        }
        return assignment;
    }
}
