package io.github.kafkaconnecttrtc.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads slices over tasks round-robin, the tail lanes first, so that task 0 always reads the
 * live tail and history is shared evenly. The overlong lane goes to the task of the long-call
 * lane: its rare, long passes there delay long calls a little rather than the live tail.
 */
public final class TaskAssignment {

    private TaskAssignment() {
    }

    /** One list of slice names per task; never more tasks than slices, never fewer than one. */
    public static List<List<String>> assign(List<String> sliceNames, int maxTasks) {
        List<String> spread = new ArrayList<>(sliceNames);
        boolean overlong = spread.remove(Slice.TAIL_OVERLONG);
        int tasks = Math.max(1, Math.min(maxTasks, spread.size()));
        List<List<String>> assignment = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            assignment.add(new ArrayList<>());
        }
        for (int i = 0; i < spread.size(); i++) {
            assignment.get(i % tasks).add(spread.get(i));
        }
        if (overlong) {
            assignment.stream().filter(task -> task.contains(Slice.TAIL_LONG)).findFirst()
                    .orElse(assignment.get(0)).add(Slice.TAIL_OVERLONG);
        }
        return assignment;
    }
}
