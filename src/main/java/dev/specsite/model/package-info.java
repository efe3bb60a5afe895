/**
 * The floor: immutable records describing specs ({@link dev.specsite.model.Spec} and its parts).
 * Imports nothing of ours; every stage may import it.
 */
package dev.specsite.model;
