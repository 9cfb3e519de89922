package io.kefu.request.domain;

/** Writes a newly registered request, the intake's hot path, in one plain insert. */
public interface RequestRegistration {

	/** Inserts the request just registered and gives it its id. */
	ServiceRequest insertRegistered(ServiceRequest request);
}
