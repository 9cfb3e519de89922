package io.kefu.directory;

/** 入住, 空置, 装修中. */
public enum HouseholdState {
	OCCUPIED, VACANT, RENOVATING
}
