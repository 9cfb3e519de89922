package io.kefu.directory;

/** A person of a household; phone and ID number are masked for roles that do not need them. */
public record PersonDetails(long id, String name, PersonRole role, String phone, String idNumber) {
}
