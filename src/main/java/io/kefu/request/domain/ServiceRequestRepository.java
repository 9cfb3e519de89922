package io.kefu.request.domain;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface ServiceRequestRepository extends CrudRepository<ServiceRequest, Long>, RequestRegistration {

	/** The request, if it belongs to one of the sites: the caller's scope in the query. */
	Optional<ServiceRequest> findByIdAndSiteIdIn(Long id, Collection<Long> siteIds);
}
