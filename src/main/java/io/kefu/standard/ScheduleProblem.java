package io.kefu.standard;

/** A line of a holiday schedule file that cannot be imported; line 0 for the file as a whole. */
public record ScheduleProblem(int line, String message) {
}
