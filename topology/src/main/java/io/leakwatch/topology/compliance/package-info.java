/**
 * Marketing compliance findings per sender, signature and local day ({@code compliance.findings}): marketing after the
 * recipient's refusal, without a refusal instruction or a signature, from a port that also sends notices, outside the
 * sending window, past the daily caps. Per-recipient state lives on the recipient's partition
 * ({@link io.leakwatch.topology.compliance.RecipientComplianceProcessor}); per-task partial counts are flushed on stream
 * time and summed per sender ({@link io.leakwatch.topology.compliance.SenderComplianceProcessor}). Settings:
 * {@code compliance.properties}, changed at run time by {@code compliance.*} records of the {@code rules} topic.
 */
package io.leakwatch.topology.compliance;
