/**
 * The floor, with {@code model}: diagnostics ({@link dev.specsite.diag.Diagnostic}) and their formats.
 * Problems in the input are diagnostics, never exceptions. Imports nothing of ours.
 */
package dev.specsite.diag;
