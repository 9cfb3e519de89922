package io.kefu.directory;

/** A person as typed on a form, sent to the API or read from an import row; not yet checked. */
public record PersonInput(String name, PersonRole role, String phone, String idNumber) {
}
