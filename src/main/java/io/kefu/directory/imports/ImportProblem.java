package io.kefu.directory.imports;

/** What is wrong in one cell of a file: Excel's row number, the column's heading and why, in Chinese. */
public record ImportProblem(int row, String column, String message) {
}
