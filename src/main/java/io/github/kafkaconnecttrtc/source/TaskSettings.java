package io.github.kafkaconnecttrtc.source;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the connector tells one task on top of the connector's own configuration.
 *
 * @param sliceNames the slices this task reads
 * @param tailStart the start of the tail
 * @param fastStart the start of the fast lane, from {@code tailStart} on
 * @param readFrom the earliest call start to read
 * @param taskCount how many tasks share the request budget
 * @param taskId this task's number, from 0, as Connect numbers the task configurations
 */
public record TaskSettings(List<String> sliceNames, long tailStart, long fastStart, long readFrom, int taskCount,
        int taskId) {

    public static final String SLICES_CONFIG = "task.slices";
    public static final String TAIL_START_CONFIG = "task.tail.start";
    public static final String FAST_START_CONFIG = "task.fast.start";
    public static final String READ_FROM_CONFIG = "task.read.from";
    public static final String TASK_COUNT_CONFIG = "task.count";
    public static final String TASK_ID_CONFIG = "task.id";

    public TaskSettings {
        sliceNames = List.copyOf(sliceNames);
        if (taskCount < 1) {
            throw new IllegalArgumentException("task count must be positive, got " + taskCount);
        }
        if (taskId < 0 || taskId >= taskCount) {
            throw new IllegalArgumentException("task id must be within 0.." + (taskCount - 1) + ", got " + taskId);
        }
    }

    /** {@code connectorProps} plus this task's settings. */
    public Map<String, String> toTaskConfig(Map<String, String> connectorProps) {
        Map<String, String> config = new HashMap<>(connectorProps);
        config.put(SLICES_CONFIG, String.join(",", sliceNames));
        config.put(TAIL_START_CONFIG, Long.toString(tailStart));
        config.put(FAST_START_CONFIG, Long.toString(fastStart));
        config.put(READ_FROM_CONFIG, Long.toString(readFrom));
        config.put(TASK_COUNT_CONFIG, Integer.toString(taskCount));
        config.put(TASK_ID_CONFIG, Integer.toString(taskId));
        return config;
    }

    /**
     * Reads a task configuration made by {@link #toTaskConfig}.
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    public static TaskSettings fromTaskConfig(Map<String, String> config) {
        String slices = require(config, SLICES_CONFIG);
        List<String> names = slices.isBlank() ? List.of() : Arrays.asList(slices.split(","));
        long tailStart = number(config, TAIL_START_CONFIG);
        // A configuration a connector wrote before the fast lane had a start of its own: it starts with the tail.
        long fastStart = config.containsKey(FAST_START_CONFIG) ? number(config, FAST_START_CONFIG) : tailStart;
        return new TaskSettings(names, tailStart, fastStart, number(config, READ_FROM_CONFIG),
                (int) number(config, TASK_COUNT_CONFIG), (int) number(config, TASK_ID_CONFIG));
    }

    private static String require(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null) {
            throw new IllegalArgumentException("task configuration lacks " + key + ": it is made by the connector");
        }
        return value;
    }

    private static long number(Map<String, String> config, String key) {
        try {
            return Long.parseLong(require(config, key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task configuration " + key + " is not a number: " + config.get(key));
        }
    }
}
