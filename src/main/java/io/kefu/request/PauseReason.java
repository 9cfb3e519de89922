package io.kefu.request;

/** Why field work waits: on the customer (等待客户) or on parts (等待配件). */
public enum PauseReason {
	WAITING_CUSTOMER, WAITING_PARTS
}
