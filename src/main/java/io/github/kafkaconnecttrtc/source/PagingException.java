package io.github.kafkaconnecttrtc.source;

/**
 * The API's pages contradict themselves in a way that following them further cannot resolve: the
 * same page again and again, or more pages than its own {@code totalNum} allows. The pass stops
 * where it is, so that the slice's cursor does not move over calls never read, and its slice is
 * tried again after a back-off while the task's other slices go on.
 */
final class PagingException extends RuntimeException {

    PagingException(String message) {
        super(message);
    }
}
