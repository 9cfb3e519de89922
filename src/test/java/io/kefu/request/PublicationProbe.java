package io.kefu.request;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * An asynchronous module listener such as the callback and report modules will be:
 * Modulith records each event it must receive in the JDBC registry, in the publishing
 * transaction. It can hold an event back so that a test sees the publication pending.
 * Only the test that imports it has it: the others measure and check the application
 * as it runs, which has no such listener yet.
 */
public class PublicationProbe {

	private final Set<Long> received = ConcurrentHashMap.newKeySet();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	@ApplicationModuleListener
	void on(ServiceRequestRegistered event) throws InterruptedException {
		gate.await(30, TimeUnit.SECONDS);
		received.add(event.requestId());
	}

	public void holdBack() {
		gate = new CountDownLatch(1);
	}

	public void release() {
		gate.countDown();
	}

	public boolean received(long requestId) {
		return received.contains(requestId);
	}
}
