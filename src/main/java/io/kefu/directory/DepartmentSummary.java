package io.kefu.directory;

public record DepartmentSummary(long id, String code, String name, DepartmentKind kind) {
}
