package io.github.kafkaconnecttrtc.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads slices over tasks: the tail lanes first, so that task 0 always reads the live tail, then
 * each history cell to the task with the least to read so far. The long lane counts as the cells
 * its look-back spans: it reads that much on its first start and on every sweep, and counted as one
 * cell its task finished a backfill seconds after the others, alone (in the benchmark 200 ms away,
 * the last five seconds at a quarter of the rate). The overlong lane goes to the task of the long
 * lane: its rare, long passes there delay long calls a little rather than the live tail.
 */
public final class TaskAssignment {

    private TaskAssignment() {
    }

    /**
     * One list of slice names per task; never more tasks than slices, never fewer than one.
     *
     * @param longLaneCells how many history cells the long lane's reading weighs, at least 1
     */
    public static List<List<String>> assign(List<String> sliceNames, int maxTasks, int longLaneCells) {
        List<String> spread = new ArrayList<>(sliceNames);
        boolean overlong = spread.remove(Slice.TAIL_OVERLONG);
        int tasks = Math.max(1, Math.min(maxTasks, spread.size()));
        List<List<String>> assignment = new ArrayList<>(tasks);
        long[] load = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            assignment.add(new ArrayList<>());
        }
        int tails = 0;
        for (String name : spread) {
            boolean tail = name.startsWith("tail/");
            int task = tail ? tails++ % tasks : leastLoaded(load);
            assignment.get(task).add(name);
            load[task] += Slice.TAIL_LONG.equals(name) ? Math.max(1, longLaneCells) : 1;
        }
        if (overlong) {
            assignment.stream().filter(task -> task.contains(Slice.TAIL_LONG)).findFirst()
                    .orElse(assignment.get(0)).add(Slice.TAIL_OVERLONG);
        }
        return assignment;
    }

    /** How many history cells of {@code sliceDuration} the long lane's look-back of {@code maxCallDuration} spans. */
    public static int longLaneCells(Duration maxCallDuration, Duration sliceDuration) {
        long cells = (maxCallDuration.toSeconds() + sliceDuration.toSeconds() - 1) / Math.max(1, sliceDuration.toSeconds());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, cells));
    }

    /** The first of the tasks with the least load. */
    private static int leastLoaded(long[] load) {
        int least = 0;
        for (int i = 1; i < load.length; i++) {
            if (load[i] < load[least]) {
                least = i;
            }
        }
        return least;
    }
}
