/**
 * A local stand-in for the TRTC call-records API ({@code v1/records/get_records_by_filter} and
 * {@code v4/call_record_http_srv/get_record_by_filter}), built to the behaviour model stated in
 * this module's README.
 *
 * <p>{@link io.github.kafkaconnecttrtc.simulator.TrtcSimulator} serves both records endpoints over
 * HTTP from deterministic, seeded call data, checks UserSigs as Tencent's servers do, and can
 * inject the failures the connector has to survive (gateway errors, slow, truncated or malformed
 * answers, unknown error codes), and those of a hostile upstream (records sent malformed, a
 * paginator that never stops or stops too early, absurd numbers, a body that never ends). It also
 * exposes the ground truth, so that tests can check that nothing was lost or duplicated.
 *
 * <p>The simulator binds to 127.0.0.1 only: its admin paths ({@code /simulator/...}) take no
 * credentials and are meant for a local demo, never for a shared network. It shares no class with
 * the connector.
 */
package io.github.kafkaconnecttrtc.simulator;
