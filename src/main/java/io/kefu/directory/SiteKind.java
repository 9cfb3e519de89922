package io.kefu.directory;

/** A residential estate (小区) or an office tower (写字楼/大厦). */
public enum SiteKind {
	RESIDENTIAL, OFFICE
}
