package io.kefu.request;

import java.time.Clock;
import java.util.List;

import io.kefu.request.domain.RequestPhotos;
import io.kefu.request.domain.RequestPhotos.CheckedPhoto;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake (受理) with photos: the request and its photos are saved together or not at
 * all, so a photo that is refused leaves no request, no photo and no used-up number.
 */
@Service
public class RequestIntake {

	private final ServiceRequestManagement requests;

	private final RequestPhotos photos;

	private final Clock clock;

	RequestIntake(ServiceRequestManagement requests, RequestPhotos photos, Clock clock) {
		this.requests = requests;
		this.photos = photos;
		this.clock = clock;
	}

	/** Registers the request and stores its photos; a retry with the same key stores nothing again. */
	@Transactional
	public Registration register(CurrentUser user, NewRequest input, List<PhotoUpload> uploads, String idempotencyKey) {
		List<CheckedPhoto> checked = photos.check(uploads);
		Registration registration = requests.register(user, input, idempotencyKey);
		if (!registration.replayed()) {
			photos.store(registration.id(), checked, clock.instant());
		}
		return registration;
	}
}
